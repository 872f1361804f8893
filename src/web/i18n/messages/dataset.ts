/** Interface strings of a dataset's page (the dataset's own title, description and columns stay as published). */
import { defineMessages } from '../define.js';

export type TimeUnit = 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute' | 'second';

/** "a, b and c" with the language's word for "and". */
const list = (items: readonly string[], and: string) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;

const EN_ONCE: Record<TimeUnit, string> = {
  year: 'yearly',
  month: 'monthly',
  week: 'weekly',
  day: 'daily',
  hour: 'hourly',
  minute: 'every minute',
  second: 'every second',
};
const VI_ONCE: Record<TimeUnit, string> = {
  year: 'hằng năm',
  month: 'hằng tháng',
  week: 'hằng tuần',
  day: 'hằng ngày',
  hour: 'hằng giờ',
  minute: 'mỗi phút',
  second: 'mỗi giây',
};
const VI_UNIT: Record<TimeUnit, string> = {
  year: 'năm',
  month: 'tháng',
  week: 'tuần',
  day: 'ngày',
  hour: 'giờ',
  minute: 'phút',
  second: 'giây',
};
const ES_ONCE: Record<TimeUnit, string> = {
  year: 'anualmente',
  month: 'mensualmente',
  week: 'semanalmente',
  day: 'a diario',
  hour: 'cada hora',
  minute: 'cada minuto',
  second: 'cada segundo',
};
const ES_UNIT: Record<TimeUnit, [string, string]> = {
  year: ['año', 'años'],
  month: ['mes', 'meses'],
  week: ['semana', 'semanas'],
  day: ['día', 'días'],
  hour: ['hora', 'horas'],
  minute: ['minuto', 'minutos'],
  second: ['segundo', 'segundos'],
};

export const dataset = defineMessages(
  {
    // Header
    department: 'Department',
    category: 'Category',
    badgesLabel: 'Status',
    badgeFresh: 'Up to date',
    badgeOverdue: 'Overdue',
    accessPublic: 'Public',
    accessRestricted: 'Restricted',
    accessNonPublic: 'Not public',
    badgeLicence: (id: string) => `Licence ${id}`,
    statusLabel: (status: string) =>
      status === 'draft' ? 'Draft' : status === 'unpublished' ? 'Unpublished' : status,
    freshNote: (frequency: string, expected: string) =>
      `Updated ${frequency}. The next update is expected by ${expected}.`,
    overdueNote: (frequency: string, last: string, expected: string) =>
      `Updated ${frequency}, but the data last changed on ${last}: the next update was expected by ${expected}.`,
    liveNote: (last: string) => `Live feed: the latest reading was taken ${last}.`,
    liveOverdueNote: (last: string) => `Live feed, but no reading has arrived since ${last}.`,
    irregularNote: (frequency: string, last: string) =>
      `Updated ${frequency}; the data last changed on ${last}.`,
    noDataNote: 'No data has been published for this dataset yet.',
    noReadingsYet: 'No readings have arrived yet.',
    downloadCsv: 'Download CSV',
    allDownloads: 'All downloads',
    useApi: 'Use the API',
    contentsHeading: 'On this page',
    // Frequency and coverage in words
    freqIrregular: 'irregularly',
    freqContinuous: 'continuously (live)',
    freqEvery: (count: number, unit: TimeUnit) =>
      count === 1
        ? EN_ONCE[unit]
        : unit === 'month' && count === 3
          ? 'quarterly'
          : unit === 'month' && count === 6
            ? 'twice a year'
            : unit === 'week' && count === 2
              ? 'every two weeks'
              : `every ${count} ${unit}s`,
    freqEveryParts: (parts: readonly string[]) => `every ${list(parts, 'and')}`,
    unitCount: (count: number, unit: TimeUnit) => `${count} ${unit}${count === 1 ? '' : 's'}`,
    latitude: (degrees: string, north: boolean) => `${degrees}° ${north ? 'N' : 'S'}`,
    longitude: (degrees: string, east: boolean) => `${degrees}° ${east ? 'E' : 'W'}`,
    bboxEdges: (south: string, north: string, west: string, east: string) =>
      `Latitude ${south} to ${north}, longitude ${west} to ${east}.`,
    bboxSize: (wide: string, tall: string) => `About ${wide} km east to west and ${tall} km north to south.`,
    temporalRange: (start: string, end: string) => `${start} to ${end}`,
    temporalSince: (start: string) => `Since ${start} (ongoing)`,
    temporalUntil: (end: string) => `Until ${end}`,
    // About and metadata
    aboutHeading: 'About this dataset',
    metadataHeading: 'Metadata',
    updateFrequency: 'Update frequency',
    dataUpdated: 'Data last updated',
    metadataUpdated: 'Metadata last updated',
    created: 'Created',
    steward: 'Steward',
    contactSubject: (title: string) => `About the dataset “${title}”`,
    licence: 'Licence',
    attribution: 'Attribution',
    spatialCoverage: 'Spatial coverage',
    temporalCoverage: 'Temporal coverage',
    notGiven: 'Not given',
    rows: 'Rows',
    noDataYet: 'No data yet',
    datastreams: 'Sensor series',
    geometry: 'Geometry',
    keywords: 'Keywords',
    identifier: 'Identifier',
    apiEndpoint: 'API endpoint',
    // Data
    tableHeading: 'Data table',
    noTableYet: 'This dataset has no rows yet.',
    latestHeading: 'Latest readings',
    restrictedHeading: 'The rows of this dataset are restricted',
    restrictedText: (department: string) =>
      `Anyone may read its description and columns, but ${department} decides who may see the rows. Request access, saying what you need them for; the steward answers by email.`,
    requestAccess: 'Request access',
    noReadings: 'No readings have arrived yet.',
    readingsIntro: (series: string, shown: string) =>
      `${series} sensor series; the ${shown} most recent readings, as of this page.`,
    readingsApis: 'Every series:',
    serverSentEvents: 'live (Server-Sent Events)',
    readingsCaption: (title: string) => `Latest readings of ${title}`,
    readingSensor: 'Sensor',
    readingMeasures: 'Measures',
    readingValue: 'Value',
    readingTime: 'Time',
    // Columns
    columnsHeading: 'Columns',
    columnsCaption: (title: string, n: number) =>
      n === 1 ? `The column of ${title}` : `The ${n} columns of ${title}`,
    columnName: 'Column',
    fieldName: 'Field name',
    columnType: 'Type',
    columnDescription: 'Description',
    columnUnit: 'Unit',
    typeText: 'Text',
    typeNumber: 'Number',
    typeBoolean: 'True/false',
    typeDate: 'Date',
    typeTimestamp: 'Date and time',
    typeGeometry: 'Geometry',
    sensorNoColumns:
      'This dataset is a sensor feed: its data are observations, read through the sensor APIs below.',
    noColumns: 'This dataset has no tabular data yet.',
    // Downloads
    downloadsHeading: 'Downloads',
    downloadsRestricted: 'The rows are restricted, so there is nothing to download without permission.',
    howToGetAccess: 'How to get access',
    noDownloads: 'No downloads yet: the data behind this dataset has not been published.',
    formatCsv: 'the whole table, for spreadsheets and most tools',
    formatJson: 'the whole table, for programs and web apps',
    formatNdjson: 'one JSON row per line, for streaming large tables',
    formatGeojson: 'the features with their shapes, for map software such as QGIS',
    formatLatest: 'the latest value of every sensor series',
    formatLatestGeojson: 'the latest values at the sensors’ locations, for maps',
    formatObservations: 'the observations of the last 24 hours (start and end choose up to 31 days)',
    rowCount: (n: number, formatted: string) => (n === 1 ? '1 row' : `${formatted} rows`),
    licenceHeading: 'Using these data',
    licenceReminder: 'You may reuse these data under the licence',
    attributionAsk: 'Credit the source as:',
    // Questions and problems
    feedbackHeading: 'Questions and problems',
    reportProblem: 'Report a problem with this data',
    requestData: 'Request data not published here',
    feedbackNote: (steward: string) => `Both open an email to the dataset’s steward, ${steward}.`,
    problemSubject: (title: string, id: string) => `Problem with the dataset “${title}” (${id})`,
    problemBody: (title: string, page: string) =>
      `Dataset: ${title}\n${page}\n\nWhat is wrong (which rows or columns, and what you expected):\n\n\nHow we can reach you if we have a question (optional):\n`,
    // API
    apiHeading: 'API',
    apiIntroTable:
      'Query this dataset from your own programs: filter, sort and aggregate with SoQL, or download every row.',
    apiIntroSensor:
      'Read the sensors from your own programs: the latest values, time series, the OGC SensorThings API and a live feed.',
    apiKeyNeeded:
      'The rows are restricted: send the API key of an account that has been granted access (header X-Api-Key).',
    apiQuery: 'Query (SoQL)',
    apiRows: (format: string) => `All rows as ${format}`,
    apiSoda: 'Socrata-compatible (SODA)',
    apiMetadata: 'Metadata (JSON)',
    apiLatest: 'Latest values (JSON)',
    apiLatestGeojson: 'Latest values (GeoJSON)',
    apiObservationsCsv: 'Observations (CSV)',
    apiLive: 'Live feed (Server-Sent Events)',
    apiSeries: (name: string) => `Hourly series of ${name}`,
    apiStaDatastreams: (thing: string) => `SensorThings: the series of ${thing}`,
    apiStaObservations: (name: string) => `SensorThings: latest observations of ${name}`,
    apiSta: 'SensorThings API',
    examplesHeading: 'Examples',
    examplesIntroTable:
      'The same query in four languages, with this dataset’s columns: a few columns and a condition on one of them.',
    examplesIntroSensor: 'The latest value of every sensor series, in four languages.',
    copy: 'Copy',
    copied: 'Copied',
    copyFailed: 'Select the code and copy it',
    guideQuery: 'Query language guide',
    guideApi: 'API guide',
    guideSensorThings: 'SensorThings guide',
    guideKeys: 'API keys',
  },
  {
    vi: {
      department: 'Sở ban ngành',
      category: 'Chủ đề',
      badgesLabel: 'Tình trạng',
      badgeFresh: 'Cập nhật đúng hạn',
      badgeOverdue: 'Quá hạn cập nhật',
      accessPublic: 'Công khai',
      accessRestricted: 'Hạn chế',
      accessNonPublic: 'Không công khai',
      badgeLicence: (id: string) => `Giấy phép ${id}`,
      statusLabel: (status: string) =>
        status === 'draft' ? 'Bản nháp' : status === 'unpublished' ? 'Đã ngừng công bố' : status,
      freshNote: (frequency: string, expected: string) =>
        `Cập nhật ${frequency}. Lần cập nhật tới dự kiến trước ${expected}.`,
      overdueNote: (frequency: string, last: string, expected: string) =>
        `Cập nhật ${frequency}, nhưng dữ liệu thay đổi lần cuối vào ${last}: lần cập nhật tới lẽ ra phải có trước ${expected}.`,
      liveNote: (last: string) => `Dữ liệu trực tiếp: số đo mới nhất lúc ${last}.`,
      liveOverdueNote: (last: string) => `Dữ liệu trực tiếp, nhưng chưa có số đo mới nào kể từ ${last}.`,
      irregularNote: (frequency: string, last: string) =>
        `Cập nhật ${frequency}; dữ liệu thay đổi lần cuối vào ${last}.`,
      noDataNote: 'Bộ dữ liệu này chưa có dữ liệu được công bố.',
      noReadingsYet: 'Chưa nhận được số đo nào.',
      downloadCsv: 'Tải xuống CSV',
      allDownloads: 'Tất cả tệp tải xuống',
      useApi: 'Dùng API',
      contentsHeading: 'Trên trang này',
      freqIrregular: 'không định kỳ',
      freqContinuous: 'liên tục (trực tiếp)',
      freqEvery: (count: number, unit: TimeUnit) =>
        count === 1
          ? VI_ONCE[unit]
          : unit === 'month' && count === 3
            ? 'hằng quý'
            : unit === 'month' && count === 6
              ? 'sáu tháng một lần'
              : unit === 'week' && count === 2
                ? 'hai tuần một lần'
                : `mỗi ${count} ${VI_UNIT[unit]}`,
      freqEveryParts: (parts: readonly string[]) => `mỗi ${list(parts, 'và')}`,
      unitCount: (count: number, unit: TimeUnit) => `${count} ${VI_UNIT[unit]}`,
      latitude: (degrees: string, north: boolean) => `${degrees}° ${north ? 'Bắc' : 'Nam'}`,
      longitude: (degrees: string, east: boolean) => `${degrees}° ${east ? 'Đông' : 'Tây'}`,
      bboxEdges: (south: string, north: string, west: string, east: string) =>
        `Vĩ độ từ ${south} đến ${north}, kinh độ từ ${west} đến ${east}.`,
      bboxSize: (wide: string, tall: string) =>
        `Khoảng ${wide} km theo chiều đông–tây và ${tall} km theo chiều bắc–nam.`,
      temporalRange: (start: string, end: string) => `Từ ${start} đến ${end}`,
      temporalSince: (start: string) => `Từ ${start} đến nay`,
      temporalUntil: (end: string) => `Đến ${end}`,
      aboutHeading: 'Giới thiệu bộ dữ liệu',
      metadataHeading: 'Siêu dữ liệu',
      updateFrequency: 'Tần suất cập nhật',
      dataUpdated: 'Dữ liệu cập nhật lần cuối',
      metadataUpdated: 'Siêu dữ liệu cập nhật lần cuối',
      created: 'Ngày tạo',
      steward: 'Người phụ trách dữ liệu',
      contactSubject: (title: string) => `Về bộ dữ liệu “${title}”`,
      licence: 'Giấy phép',
      attribution: 'Ghi nguồn',
      spatialCoverage: 'Phạm vi không gian',
      temporalCoverage: 'Phạm vi thời gian',
      notGiven: 'Không có thông tin',
      rows: 'Số dòng',
      noDataYet: 'Chưa có dữ liệu',
      datastreams: 'Chuỗi dữ liệu cảm biến',
      geometry: 'Dữ liệu hình học',
      keywords: 'Từ khóa',
      identifier: 'Mã định danh',
      apiEndpoint: 'Điểm truy cập API',
      tableHeading: 'Bảng dữ liệu',
      noTableYet: 'Bộ dữ liệu này chưa có dòng nào.',
      latestHeading: 'Số đo mới nhất',
      restrictedHeading: 'Các dòng dữ liệu của bộ dữ liệu này bị hạn chế',
      restrictedText: (department: string) =>
        `Ai cũng có thể đọc phần mô tả và các cột, nhưng ${department} quyết định ai được xem các dòng dữ liệu. Hãy gửi yêu cầu truy cập, nêu rõ mục đích sử dụng; người phụ trách sẽ trả lời qua email.`,
      requestAccess: 'Yêu cầu quyền truy cập',
      noReadings: 'Chưa nhận được số đo nào.',
      readingsIntro: (series: string, shown: string) =>
        `${series} chuỗi dữ liệu cảm biến; ${shown} số đo mới nhất tại thời điểm tải trang.`,
      readingsApis: 'Mọi chuỗi dữ liệu:',
      serverSentEvents: 'trực tiếp (Server-Sent Events)',
      readingsCaption: (title: string) => `Số đo mới nhất của ${title}`,
      readingSensor: 'Cảm biến',
      readingMeasures: 'Đại lượng đo',
      readingValue: 'Giá trị',
      readingTime: 'Thời gian',
      columnsHeading: 'Các cột',
      columnsCaption: (title: string, n: number) => `${n} cột của ${title}`,
      columnName: 'Cột',
      fieldName: 'Tên trường',
      columnType: 'Kiểu',
      columnDescription: 'Mô tả',
      columnUnit: 'Đơn vị',
      typeText: 'Văn bản',
      typeNumber: 'Số',
      typeBoolean: 'Đúng/sai',
      typeDate: 'Ngày',
      typeTimestamp: 'Ngày và giờ',
      typeGeometry: 'Hình học',
      sensorNoColumns:
        'Bộ dữ liệu này là nguồn dữ liệu cảm biến: dữ liệu của nó là các số đo, được đọc qua các API cảm biến bên dưới.',
      noColumns: 'Bộ dữ liệu này chưa có dữ liệu dạng bảng.',
      downloadsHeading: 'Tải xuống',
      downloadsRestricted: 'Các dòng dữ liệu bị hạn chế nên không thể tải xuống nếu chưa được cấp phép.',
      howToGetAccess: 'Cách để được cấp quyền truy cập',
      noDownloads: 'Chưa có tệp tải xuống: dữ liệu của bộ dữ liệu này chưa được công bố.',
      formatCsv: 'toàn bộ bảng, dùng cho bảng tính và hầu hết các công cụ',
      formatJson: 'toàn bộ bảng, dùng cho chương trình và ứng dụng web',
      formatNdjson: 'mỗi dòng một đối tượng JSON, để xử lý dần các bảng lớn',
      formatGeojson: 'các đối tượng kèm hình dạng, dùng cho phần mềm bản đồ như QGIS',
      formatLatest: 'giá trị mới nhất của mọi chuỗi dữ liệu cảm biến',
      formatLatestGeojson: 'giá trị mới nhất tại vị trí các cảm biến, dùng cho bản đồ',
      formatObservations: 'các số đo trong 24 giờ qua (tham số start và end cho phép chọn tối đa 31 ngày)',
      rowCount: (_n: number, formatted: string) => `${formatted} dòng`,
      licenceHeading: 'Sử dụng dữ liệu này',
      licenceReminder: 'Bạn có thể sử dụng lại dữ liệu này theo giấy phép',
      attributionAsk: 'Hãy ghi nguồn như sau:',
      feedbackHeading: 'Câu hỏi và báo lỗi',
      reportProblem: 'Báo lỗi về dữ liệu này',
      requestData: 'Yêu cầu dữ liệu chưa được công bố tại đây',
      feedbackNote: (steward: string) =>
        `Cả hai liên kết đều mở một email gửi người phụ trách bộ dữ liệu, ${steward}.`,
      problemSubject: (title: string, id: string) => `Báo lỗi bộ dữ liệu “${title}” (${id})`,
      problemBody: (title: string, page: string) =>
        `Bộ dữ liệu: ${title}\n${page}\n\nVấn đề là gì (dòng hoặc cột nào, và bạn mong đợi điều gì):\n\n\nCách liên hệ với bạn nếu chúng tôi cần hỏi thêm (không bắt buộc):\n`,
      apiHeading: 'API',
      apiIntroTable:
        'Truy vấn bộ dữ liệu này từ chương trình của bạn: lọc, sắp xếp và tổng hợp bằng SoQL, hoặc tải xuống toàn bộ các dòng.',
      apiIntroSensor:
        'Đọc dữ liệu cảm biến từ chương trình của bạn: giá trị mới nhất, chuỗi thời gian, API OGC SensorThings và nguồn dữ liệu trực tiếp.',
      apiKeyNeeded:
        'Các dòng dữ liệu bị hạn chế: hãy gửi khóa API của một tài khoản đã được cấp quyền truy cập (tiêu đề X-Api-Key).',
      apiQuery: 'Truy vấn (SoQL)',
      apiRows: (format: string) => `Tất cả các dòng dạng ${format}`,
      apiSoda: 'Tương thích Socrata (SODA)',
      apiMetadata: 'Siêu dữ liệu (JSON)',
      apiLatest: 'Giá trị mới nhất (JSON)',
      apiLatestGeojson: 'Giá trị mới nhất (GeoJSON)',
      apiObservationsCsv: 'Các số đo (CSV)',
      apiLive: 'Nguồn dữ liệu trực tiếp (Server-Sent Events)',
      apiSeries: (name: string) => `Chuỗi theo giờ của ${name}`,
      apiStaDatastreams: (thing: string) => `SensorThings: các chuỗi dữ liệu của ${thing}`,
      apiStaObservations: (name: string) => `SensorThings: các số đo mới nhất của ${name}`,
      apiSta: 'API SensorThings',
      examplesHeading: 'Ví dụ',
      examplesIntroTable:
        'Cùng một truy vấn bằng bốn ngôn ngữ, dùng các cột của bộ dữ liệu này: vài cột và một điều kiện trên một cột.',
      examplesIntroSensor: 'Giá trị mới nhất của mọi chuỗi dữ liệu cảm biến, bằng bốn ngôn ngữ.',
      copy: 'Sao chép',
      copied: 'Đã sao chép',
      copyFailed: 'Hãy chọn đoạn mã rồi sao chép',
      guideQuery: 'Hướng dẫn ngôn ngữ truy vấn',
      guideApi: 'Hướng dẫn API',
      guideSensorThings: 'Hướng dẫn SensorThings',
      guideKeys: 'Khóa API',
    },
    es: {
      department: 'Departamento',
      category: 'Categoría',
      badgesLabel: 'Estado',
      badgeFresh: 'Al día',
      badgeOverdue: 'Actualización atrasada',
      accessPublic: 'Público',
      accessRestricted: 'Restringido',
      accessNonPublic: 'No público',
      badgeLicence: (id: string) => `Licencia ${id}`,
      statusLabel: (status: string) =>
        status === 'draft' ? 'Borrador' : status === 'unpublished' ? 'No publicado' : status,
      freshNote: (frequency: string, expected: string) =>
        `Se actualiza ${frequency}. La próxima actualización se espera antes del ${expected}.`,
      overdueNote: (frequency: string, last: string, expected: string) =>
        `Se actualiza ${frequency}, pero los datos cambiaron por última vez el ${last}: la siguiente actualización se esperaba antes del ${expected}.`,
      liveNote: (last: string) => `Datos en vivo: la lectura más reciente se tomó el ${last}.`,
      liveOverdueNote: (last: string) =>
        `Datos en vivo, pero no ha llegado ninguna lectura desde el ${last}.`,
      irregularNote: (frequency: string, last: string) =>
        `Se actualiza ${frequency}; los datos cambiaron por última vez el ${last}.`,
      noDataNote: 'Todavía no se han publicado datos de este conjunto.',
      noReadingsYet: 'Todavía no han llegado lecturas.',
      downloadCsv: 'Descargar CSV',
      allDownloads: 'Todas las descargas',
      useApi: 'Usar la API',
      contentsHeading: 'En esta página',
      freqIrregular: 'de forma irregular',
      freqContinuous: 'de forma continua (en vivo)',
      freqEvery: (count: number, unit: TimeUnit) =>
        count === 1
          ? ES_ONCE[unit]
          : unit === 'month' && count === 3
            ? 'trimestralmente'
            : unit === 'month' && count === 6
              ? 'dos veces al año'
              : unit === 'week' && count === 2
                ? 'cada dos semanas'
                : `cada ${count} ${ES_UNIT[unit][1]}`,
      freqEveryParts: (parts: readonly string[]) => `cada ${list(parts, 'y')}`,
      unitCount: (count: number, unit: TimeUnit) => `${count} ${ES_UNIT[unit][count === 1 ? 0 : 1]}`,
      latitude: (degrees: string, north: boolean) => `${degrees}° ${north ? 'N' : 'S'}`,
      longitude: (degrees: string, east: boolean) => `${degrees}° ${east ? 'E' : 'O'}`,
      bboxEdges: (south: string, north: string, west: string, east: string) =>
        `Latitud de ${south} a ${north}, longitud de ${west} a ${east}.`,
      bboxSize: (wide: string, tall: string) =>
        `Unos ${wide} km de este a oeste y ${tall} km de norte a sur.`,
      temporalRange: (start: string, end: string) => `Del ${start} al ${end}`,
      temporalSince: (start: string) => `Desde el ${start} (en curso)`,
      temporalUntil: (end: string) => `Hasta el ${end}`,
      aboutHeading: 'Acerca de este conjunto de datos',
      metadataHeading: 'Metadatos',
      updateFrequency: 'Frecuencia de actualización',
      dataUpdated: 'Última actualización de los datos',
      metadataUpdated: 'Última actualización de los metadatos',
      created: 'Creado',
      steward: 'Responsable de los datos',
      contactSubject: (title: string) => `Sobre el conjunto de datos “${title}”`,
      licence: 'Licencia',
      attribution: 'Atribución',
      spatialCoverage: 'Cobertura geográfica',
      temporalCoverage: 'Cobertura temporal',
      notGiven: 'No indicada',
      rows: 'Filas',
      noDataYet: 'Aún no hay datos',
      datastreams: 'Series de sensores',
      geometry: 'Geometría',
      keywords: 'Palabras clave',
      identifier: 'Identificador',
      apiEndpoint: 'Dirección de la API',
      tableHeading: 'Tabla de datos',
      noTableYet: 'Este conjunto de datos todavía no tiene filas.',
      latestHeading: 'Lecturas más recientes',
      restrictedHeading: 'Las filas de este conjunto de datos son de acceso restringido',
      restrictedText: (department: string) =>
        `Cualquier persona puede leer su descripción y sus columnas, pero ${department} decide quién puede ver las filas. Solicite acceso e indique para qué las necesita; el responsable le responderá por correo electrónico.`,
      requestAccess: 'Solicitar acceso',
      noReadings: 'Todavía no han llegado lecturas.',
      readingsIntro: (series: string, shown: string) =>
        `${series} series de sensores; las ${shown} lecturas más recientes al cargar esta página.`,
      readingsApis: 'Todas las series:',
      serverSentEvents: 'en vivo (Server-Sent Events)',
      readingsCaption: (title: string) => `Lecturas más recientes de ${title}`,
      readingSensor: 'Sensor',
      readingMeasures: 'Mide',
      readingValue: 'Valor',
      readingTime: 'Hora',
      columnsHeading: 'Columnas',
      columnsCaption: (title: string, n: number) =>
        n === 1 ? `La columna de ${title}` : `Las ${n} columnas de ${title}`,
      columnName: 'Columna',
      fieldName: 'Nombre del campo',
      columnType: 'Tipo',
      columnDescription: 'Descripción',
      columnUnit: 'Unidad',
      typeText: 'Texto',
      typeNumber: 'Número',
      typeBoolean: 'Verdadero/falso',
      typeDate: 'Fecha',
      typeTimestamp: 'Fecha y hora',
      typeGeometry: 'Geometría',
      sensorNoColumns:
        'Este conjunto de datos es una fuente de sensores: sus datos son observaciones que se leen con las API de sensores que aparecen más abajo.',
      noColumns: 'Este conjunto de datos todavía no tiene datos en forma de tabla.',
      downloadsHeading: 'Descargas',
      downloadsRestricted: 'Las filas son de acceso restringido, así que no se pueden descargar sin permiso.',
      howToGetAccess: 'Cómo obtener acceso',
      noDownloads: 'Todavía no hay descargas: los datos de este conjunto no se han publicado.',
      formatCsv: 'la tabla completa, para hojas de cálculo y la mayoría de las herramientas',
      formatJson: 'la tabla completa, para programas y aplicaciones web',
      formatNdjson: 'una fila JSON por línea, para procesar tablas grandes por partes',
      formatGeojson: 'los elementos con sus formas, para programas de mapas como QGIS',
      formatLatest: 'el valor más reciente de cada serie de sensores',
      formatLatestGeojson: 'los valores más recientes en la ubicación de los sensores, para mapas',
      formatObservations:
        'las observaciones de las últimas 24 horas (start y end permiten elegir hasta 31 días)',
      rowCount: (n: number, formatted: string) => (n === 1 ? '1 fila' : `${formatted} filas`),
      licenceHeading: 'Uso de estos datos',
      licenceReminder: 'Puede reutilizar estos datos según la licencia',
      attributionAsk: 'Cite la fuente así:',
      feedbackHeading: 'Preguntas y problemas',
      reportProblem: 'Informar un problema con estos datos',
      requestData: 'Solicitar datos que no se publican aquí',
      feedbackNote: (steward: string) =>
        `Ambos enlaces abren un correo electrónico para el responsable de los datos, ${steward}.`,
      problemSubject: (title: string, id: string) => `Problema con el conjunto de datos “${title}” (${id})`,
      problemBody: (title: string, page: string) =>
        `Conjunto de datos: ${title}\n${page}\n\nQué está mal (qué filas o columnas, y qué esperaba):\n\n\nCómo podemos comunicarnos con usted si tenemos preguntas (opcional):\n`,
      apiHeading: 'API',
      apiIntroTable:
        'Consulte este conjunto de datos desde sus propios programas: filtre, ordene y agregue con SoQL, o descargue todas las filas.',
      apiIntroSensor:
        'Lea los sensores desde sus propios programas: los valores más recientes, series de tiempo, la API OGC SensorThings y una transmisión en vivo.',
      apiKeyNeeded:
        'Las filas son de acceso restringido: envíe la clave de API de una cuenta que tenga acceso (encabezado X-Api-Key).',
      apiQuery: 'Consulta (SoQL)',
      apiRows: (format: string) => `Todas las filas en ${format}`,
      apiSoda: 'Compatible con Socrata (SODA)',
      apiMetadata: 'Metadatos (JSON)',
      apiLatest: 'Valores más recientes (JSON)',
      apiLatestGeojson: 'Valores más recientes (GeoJSON)',
      apiObservationsCsv: 'Observaciones (CSV)',
      apiLive: 'Transmisión en vivo (Server-Sent Events)',
      apiSeries: (name: string) => `Serie por hora de ${name}`,
      apiStaDatastreams: (thing: string) => `SensorThings: las series de ${thing}`,
      apiStaObservations: (name: string) => `SensorThings: observaciones más recientes de ${name}`,
      apiSta: 'API SensorThings',
      examplesHeading: 'Ejemplos',
      examplesIntroTable:
        'La misma consulta en cuatro lenguajes, con las columnas de este conjunto de datos: algunas columnas y una condición sobre una de ellas.',
      examplesIntroSensor: 'El valor más reciente de cada serie de sensores, en cuatro lenguajes.',
      copy: 'Copiar',
      copied: 'Copiado',
      copyFailed: 'Seleccione el código y cópielo',
      guideQuery: 'Guía del lenguaje de consultas',
      guideApi: 'Guía de la API',
      guideSensorThings: 'Guía de SensorThings',
      guideKeys: 'Claves de API',
    },
  },
);
