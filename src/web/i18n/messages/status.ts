/** Interface strings of the public status board (`/status`): datasets and sensor feeds against their promises. */
import { defineMessages } from '../define.js';

const en = {
  title: 'Data status',
  fromDataset: 'Status of every dataset',
  description:
    'Whether every dataset and sensor feed of the portal is as current as its department promised: last update and next one expected.',
  intro:
    'Every dataset and sensor feed, checked against how often its department promised to update it. Nothing falls out of date without showing here.',
  checkedAt: (time: string) => `Checked ${time}.`,
  summaryHeading: 'Summary',
  allGood: 'All good: every dataset and sensor feed is up to date.',
  datasetsOverdue: (n: number) => (n === 1 ? '1 dataset is overdue.' : `${n} datasets are overdue.`),
  feedsDown: (n: number) =>
    n === 1 ? '1 sensor feed is overdue or silent.' : `${n} sensor feeds are overdue or silent.`,
  countDatasets: (fresh: string, overdue: string, unknown: string) =>
    `Datasets: ${fresh} up to date, ${overdue} overdue, ${unknown} without a schedule.`,
  countFeeds: (fresh: string, overdue: string, silent: string, unknown: string) =>
    `Sensor feeds: ${fresh} up to date, ${overdue} overdue, ${silent} silent, ${unknown} without readings or schedule.`,
  datasetsHeading: 'Datasets',
  datasetsCaption: 'Datasets, overdue first',
  noDatasets: 'There are no datasets to show yet.',
  colDataset: 'Dataset',
  colDepartment: 'Department',
  colFrequency: 'Promised updates',
  colState: 'State',
  colLastUpdate: 'Last update',
  colExpected: 'Next update expected',
  colReports: 'Open reports',
  stateFresh: 'Up to date',
  stateOverdue: 'Overdue',
  stateUnknown: 'No schedule',
  stateSilent: 'Silent',
  noReadings: 'No readings yet',
  notExpected: 'Not scheduled',
  atTheLatest: (time: string) => `At the latest ${time}`,
  noData: 'No data yet',
  feedsHeading: 'Sensor feeds',
  feedsIntro:
    'The latest reading of each sensor, grouped by dataset. Sensors of datasets whose data is restricted are not listed.',
  noFeeds: 'There are no sensor feeds to show.',
  feedsCaption: (dataset: string) => `Sensor feeds of ${dataset}`,
  feedGroup: (total: number, attention: number) =>
    (total === 1 ? '1 feed' : `${total} feeds`) +
    (attention === 0
      ? total === 1
        ? ', up to date'
        : ', all up to date'
      : `, ${attention} need${attention === 1 ? 's' : ''} attention`),
  colFeed: 'Sensor feed',
  colLastReading: 'Latest reading',
  colInvestigation: 'Investigation',
  underInvestigation: (report: string) => `Under investigation (report ${report})`,
  noInvestigation: 'None',
  statesHeading: 'What the states mean',
  explainFresh: 'Updated within the period its department promised.',
  explainOverdue:
    'The expected update has not come, past a grace margin of a quarter of the period (at least 10 minutes). A live sensor feed is overdue after 15 minutes without a reading.',
  explainUnknown: 'Updated irregularly, or no data yet: there is no schedule to check it against.',
  explainSilent:
    'A sensor has sent nothing for longer than its quality checks allow; its department is told automatically.',
  jsonHeading: 'For monitoring tools',
  jsonText: 'The same board as JSON, to check from a script or a monitoring service:',
  jsonLink: 'Status as JSON',
};

export const status = defineMessages(en, {
  vi: {
    title: 'Tình trạng dữ liệu',
    fromDataset: 'Tình trạng của mọi bộ dữ liệu',
    description:
      'Mỗi bộ dữ liệu và nguồn cảm biến của cổng có được cập nhật như sở phụ trách đã cam kết hay không: lần cập nhật gần nhất và lần kế tiếp dự kiến.',
    intro:
      'Mọi bộ dữ liệu và nguồn cảm biến, được đối chiếu với tần suất cập nhật mà sở phụ trách đã cam kết. Không dữ liệu nào bị lỗi thời mà không hiện ra ở đây.',
    checkedAt: (time: string) => `Kiểm tra lúc ${time}.`,
    summaryHeading: 'Tóm tắt',
    allGood: 'Mọi thứ đều ổn: tất cả bộ dữ liệu và nguồn cảm biến đều được cập nhật đúng hạn.',
    datasetsOverdue: (n: number) => `${n} bộ dữ liệu bị quá hạn cập nhật.`,
    feedsDown: (n: number) => `${n} nguồn cảm biến bị quá hạn hoặc mất tín hiệu.`,
    countDatasets: (fresh: string, overdue: string, unknown: string) =>
      `Bộ dữ liệu: ${fresh} đúng hạn, ${overdue} quá hạn, ${unknown} không có lịch cập nhật.`,
    countFeeds: (fresh: string, overdue: string, silent: string, unknown: string) =>
      `Nguồn cảm biến: ${fresh} đúng hạn, ${overdue} quá hạn, ${silent} mất tín hiệu, ${unknown} chưa có số đo hoặc không có lịch.`,
    datasetsHeading: 'Bộ dữ liệu',
    datasetsCaption: 'Các bộ dữ liệu, bộ quá hạn xếp trước',
    noDatasets: 'Chưa có bộ dữ liệu nào để hiển thị.',
    colDataset: 'Bộ dữ liệu',
    colDepartment: 'Sở phụ trách',
    colFrequency: 'Tần suất cam kết',
    colState: 'Tình trạng',
    colLastUpdate: 'Cập nhật gần nhất',
    colExpected: 'Lần cập nhật kế tiếp dự kiến',
    colReports: 'Báo cáo đang mở',
    stateFresh: 'Đúng hạn',
    stateOverdue: 'Quá hạn',
    stateUnknown: 'Không có lịch',
    stateSilent: 'Mất tín hiệu',
    noReadings: 'Chưa có số đo',
    notExpected: 'Không có lịch',
    atTheLatest: (time: string) => `Chậm nhất ${time}`,
    noData: 'Chưa có dữ liệu',
    feedsHeading: 'Nguồn cảm biến',
    feedsIntro:
      'Số đo mới nhất của từng cảm biến, nhóm theo bộ dữ liệu. Cảm biến của các bộ dữ liệu bị hạn chế truy cập không được liệt kê.',
    noFeeds: 'Không có nguồn cảm biến nào để hiển thị.',
    feedsCaption: (dataset: string) => `Các nguồn cảm biến của ${dataset}`,
    feedGroup: (total: number, attention: number) =>
      `${total} nguồn cảm biến` +
      (attention === 0
        ? total === 1
          ? ', đúng hạn'
          : ', tất cả đều đúng hạn'
        : `, ${attention} nguồn cần chú ý`),
    colFeed: 'Nguồn cảm biến',
    colLastReading: 'Số đo mới nhất',
    colInvestigation: 'Đang xem xét',
    underInvestigation: (report: string) => `Đang được xem xét (báo cáo ${report})`,
    noInvestigation: 'Không',
    statesHeading: 'Ý nghĩa của các tình trạng',
    explainFresh: 'Được cập nhật trong khoảng thời gian mà sở phụ trách đã cam kết.',
    explainOverdue:
      'Lần cập nhật dự kiến chưa đến, đã quá thời gian gia hạn bằng một phần tư chu kỳ (ít nhất 10 phút). Một nguồn cảm biến trực tiếp bị coi là quá hạn sau 15 phút không có số đo.',
    explainUnknown: 'Được cập nhật không định kỳ, hoặc chưa có dữ liệu: không có lịch để đối chiếu.',
    explainSilent:
      'Một cảm biến không gửi gì lâu hơn mức mà việc kiểm tra chất lượng cho phép; sở phụ trách được báo tự động.',
    jsonHeading: 'Dành cho công cụ giám sát',
    jsonText: 'Cùng bảng tình trạng này ở dạng JSON, để kiểm tra bằng tập lệnh hoặc dịch vụ giám sát:',
    jsonLink: 'Tình trạng ở dạng JSON',
  },
  es: {
    title: 'Estado de los datos',
    fromDataset: 'Estado de todos los conjuntos de datos',
    description:
      'Si cada conjunto de datos y cada fuente de sensores del portal está tan al día como prometió su departamento: última actualización y próxima esperada.',
    intro:
      'Todos los conjuntos de datos y fuentes de sensores, comparados con la frecuencia de actualización que prometió su departamento. Nada se queda desactualizado sin aparecer aquí.',
    checkedAt: (time: string) => `Revisado el ${time}.`,
    summaryHeading: 'Resumen',
    allGood: 'Todo en orden: todos los conjuntos de datos y fuentes de sensores están al día.',
    datasetsOverdue: (n: number) =>
      n === 1 ? '1 conjunto de datos está atrasado.' : `${n} conjuntos de datos están atrasados.`,
    feedsDown: (n: number) =>
      n === 1
        ? '1 fuente de sensores está atrasada o sin señal.'
        : `${n} fuentes de sensores están atrasadas o sin señal.`,
    countDatasets: (fresh: string, overdue: string, unknown: string) =>
      `Conjuntos de datos: ${fresh} al día, ${overdue} atrasados, ${unknown} sin calendario.`,
    countFeeds: (fresh: string, overdue: string, silent: string, unknown: string) =>
      `Fuentes de sensores: ${fresh} al día, ${overdue} atrasadas, ${silent} sin señal, ${unknown} sin lecturas o sin calendario.`,
    datasetsHeading: 'Conjuntos de datos',
    datasetsCaption: 'Conjuntos de datos, primero los atrasados',
    noDatasets: 'Todavía no hay conjuntos de datos para mostrar.',
    colDataset: 'Conjunto de datos',
    colDepartment: 'Departamento',
    colFrequency: 'Actualización prometida',
    colState: 'Estado',
    colLastUpdate: 'Última actualización',
    colExpected: 'Próxima actualización esperada',
    colReports: 'Reportes abiertos',
    stateFresh: 'Al día',
    stateOverdue: 'Atrasado',
    stateUnknown: 'Sin calendario',
    stateSilent: 'Sin señal',
    noReadings: 'Todavía sin lecturas',
    notExpected: 'Sin calendario',
    atTheLatest: (time: string) => `A más tardar ${time}`,
    noData: 'Todavía sin datos',
    feedsHeading: 'Fuentes de sensores',
    feedsIntro:
      'La lectura más reciente de cada sensor, agrupada por conjunto de datos. No se muestran los sensores de conjuntos con datos restringidos.',
    noFeeds: 'No hay fuentes de sensores para mostrar.',
    feedsCaption: (dataset: string) => `Fuentes de sensores de ${dataset}`,
    feedGroup: (total: number, attention: number) =>
      (total === 1 ? '1 fuente' : `${total} fuentes`) +
      (attention === 0
        ? total === 1
          ? ', al día'
          : ', todas al día'
        : attention === 1
          ? ', 1 requiere atención'
          : `, ${attention} requieren atención`),
    colFeed: 'Fuente de sensor',
    colLastReading: 'Lectura más reciente',
    colInvestigation: 'Investigación',
    underInvestigation: (report: string) => `En investigación (reporte ${report})`,
    noInvestigation: 'Ninguna',
    statesHeading: 'Qué significa cada estado',
    explainFresh: 'Se actualizó dentro del plazo que prometió su departamento.',
    explainOverdue:
      'La actualización esperada no ha llegado, pasado un margen de un cuarto del periodo (al menos 10 minutos). Una fuente de sensores en vivo está atrasada tras 15 minutos sin lecturas.',
    explainUnknown:
      'Se actualiza de forma irregular, o todavía no tiene datos: no hay calendario con el cual compararla.',
    explainSilent:
      'Un sensor no ha enviado nada por más tiempo del que permiten sus controles de calidad; se avisa automáticamente a su departamento.',
    jsonHeading: 'Para herramientas de monitoreo',
    jsonText: 'El mismo tablero en JSON, para revisarlo desde un script o un servicio de monitoreo:',
    jsonLink: 'Estado en JSON',
  },
});
