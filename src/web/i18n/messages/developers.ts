/** Interface strings of the developers page and the guides' frame. Code samples stay code: not translated. */
import { defineMessages } from '../define.js';

type Tier = 'anonymous' | 'standard' | 'elevated' | 'partner';

/** A window length in words: "hour", "15 minutes". */
function windowEn(seconds: number): string {
  if (seconds === 86_400) return 'day';
  if (seconds === 3600) return 'hour';
  if (seconds === 60) return 'minute';
  if (seconds % 3600 === 0) return `${seconds / 3600} hours`;
  if (seconds % 60 === 0) return `${seconds / 60} minutes`;
  return `${seconds} seconds`;
}
function windowVi(seconds: number): string {
  if (seconds === 86_400) return 'ngày';
  if (seconds === 3600) return 'giờ';
  if (seconds === 60) return 'phút';
  if (seconds % 3600 === 0) return `${seconds / 3600} giờ`;
  if (seconds % 60 === 0) return `${seconds / 60} phút`;
  return `${seconds} giây`;
}
function windowEs(seconds: number): string {
  if (seconds === 86_400) return 'día';
  if (seconds === 3600) return 'hora';
  if (seconds === 60) return 'minuto';
  if (seconds % 3600 === 0) return `${seconds / 3600} horas`;
  if (seconds % 60 === 0) return `${seconds / 60} minutos`;
  return `${seconds} segundos`;
}

export const developers = defineMessages(
  {
    title: 'Developers',
    description:
      'Use the city’s open data from your own code: APIs, the query language, live feeds and API keys.',
    intro:
      'Every dataset on this portal is also an API. Public data needs no account and no key: start with a request, and get a free key when you build something that runs every day.',
    onThisPage: 'On this page',
    startTitle: 'Getting started',
    step1Title: 'Find a dataset',
    step1Text:
      'Search the catalog and open a dataset. Its API section lists its addresses, with examples in curl, JavaScript, Python and R that use its own fields.',
    step1Link: 'Browse the datasets',
    step2Title: 'Make a first request',
    step2Text: 'Public data needs no key. Ask for the first five rows of a dataset:',
    step2Catalog: 'The catalog is an API too: search it like the portal’s search page.',
    step3Title: 'Get a key',
    step3Text:
      'A free developer account gives you API keys. Requests with a key count against your account rather than your network address, and a key is how you reach restricted data once it is granted to you.',
    step3Link: 'Sign up for an API key',
    step4Title: 'Send the key',
    step4Text: 'Send it in the X-Api-Key header, and keep it out of code you publish:',
    queryTitle: 'The query language',
    queryText:
      'Filter, sort, group and aggregate any table with SoQL, the query language of Socrata portals: $select, $where, $order, $group, $q (full-text search), $limit and $offset. Answers come in pages; follow next for the rest.',
    queryLink: 'Read the query language guide',
    liveTitle: 'Live data',
    liveText:
      'Sensor datasets (parking, traffic, air quality and noise) change as readings arrive. Follow them in one of three ways.',
    sseTitle: 'Server-Sent Events',
    sseText:
      'One HTTP connection per dataset, with an "observation" event for each new reading. Browsers use EventSource; since it cannot send headers, give the key as the api_key parameter.',
    staTitle: 'SensorThings API',
    staText:
      'The OGC SensorThings API 1.1: Things, Locations, Datastreams and Observations, with its own query options ($filter, $expand, $orderby, $top).',
    staLink: 'Read the SensorThings guide',
    mqttTitle: 'MQTT',
    mqttText:
      'Subscribe to a datastream’s topic and receive each reading as soon as it is stored. Connect with any user name and your API key as the password; without a password you receive public data only.',
    mqttBrokers: 'Broker addresses on this server:',
    mqttOff: 'This server runs no MQTT broker: use Server-Sent Events or the SensorThings API.',
    mqttTopics: 'Topics:',
    mqttTopicOne: 'the readings of one datastream (its id is in the SensorThings API)',
    mqttTopicAll: 'the readings of every datastream you may read',
    limitsTitle: 'Rate limits',
    limitsText: (window: string) =>
      `So that one busy client cannot slow the service down for others, each client has a budget of requests per ${window}, and a few downloads and live connections open at once. Without a key you are counted by network address; with a key, by the key.`,
    limitsOff: 'Rate limits are turned off on this server.',
    limitsCaption: 'Limits by tier on this server',
    limitsTier: 'Tier',
    limitsRequests: (window: string) => `Requests per ${window}`,
    limitsDownloads: 'Downloads at once',
    limitsLive: 'Live connections at once',
    tier: (tier: Tier) =>
      ({
        anonymous: 'Anonymous (no key)',
        standard: 'Standard (with a key)',
        elevated: 'Elevated (on request)',
        partner: 'Partner (agreements and staff)',
      })[tier],
    limitsHeaders:
      'Every answer says which limit applied, in the RateLimit and X-RateLimit headers. Over the limit, the answer is 429 with Retry-After. To ask for a higher tier, use your account page.',
    limitsLink: 'Read the rate limits guide',
    window: windowEn,
    referenceTitle: 'API reference',
    referenceText:
      'Every endpoint with its parameters and answers, generated from the code that serves them:',
    referenceDocs: 'Interactive API reference',
    referenceOpenapi: 'OpenAPI 3.1 document',
    guidesTitle: 'Guides',
    guidesNote: 'The guides are in English.',
    standardsTitle: 'Standards',
    standardsText: 'Tools written for other portals work here too:',
    standardSoda: 'Socrata Open Data API (SODA 2.1): the same URLs and queries as Socrata portals',
    standardSta: 'OGC SensorThings API 1.1: sensors and their observations',
    standardMqtt: 'MQTT: live readings as they are stored',
    standardOpenapi: 'OpenAPI 3.1: a description of the whole API, for code generators',
    standardDcat: 'DCAT-US 1.1: the catalog, for data.gov and other harvesters',
    standardCkan: 'CKAN Action API: package search and the datastore',
    standardOgc: 'OGC API Features: geospatial layers',
    clientsTitle: 'Client libraries',
    clientsText:
      'Socrata’s client libraries work unchanged: point them at this portal’s address and give your key as the app token.',
    clientPython: 'Python (sodapy)',
    clientR: 'R (RSocrata)',
    guideNav: 'Guides',
    guideNotFoundTitle: 'Guide not found',
    guideNotFoundMessage: 'There is no guide at this address.',
    allGuides: 'Developers home',
  },
  {
    vi: {
      title: 'Nhà phát triển',
      description:
        'Dùng dữ liệu mở của thành phố trong mã nguồn của bạn: API, ngôn ngữ truy vấn, dữ liệu trực tiếp và khóa API.',
      intro:
        'Mọi bộ dữ liệu trên cổng này đều là một API. Dữ liệu công cộng không cần tài khoản hay khóa: hãy bắt đầu bằng một yêu cầu, và nhận khóa miễn phí khi bạn xây dựng một ứng dụng chạy hằng ngày.',
      onThisPage: 'Trên trang này',
      startTitle: 'Bắt đầu',
      step1Title: 'Tìm một bộ dữ liệu',
      step1Text:
        'Tìm trong danh mục và mở một bộ dữ liệu. Phần API của bộ dữ liệu liệt kê các địa chỉ truy cập, kèm ví dụ bằng curl, JavaScript, Python và R dùng chính các trường của bộ dữ liệu đó.',
      step1Link: 'Xem các bộ dữ liệu',
      step2Title: 'Gửi yêu cầu đầu tiên',
      step2Text: 'Dữ liệu công cộng không cần khóa. Hãy lấy năm dòng đầu tiên của một bộ dữ liệu:',
      step2Catalog: 'Danh mục cũng là một API: tìm kiếm trong đó giống như trên trang tìm kiếm của cổng.',
      step3Title: 'Nhận khóa API',
      step3Text:
        'Một tài khoản nhà phát triển miễn phí cho bạn các khóa API. Yêu cầu có khóa được tính vào tài khoản của bạn thay vì địa chỉ mạng, và khóa cũng là cách để bạn truy cập dữ liệu hạn chế khi đã được cấp quyền.',
      step3Link: 'Đăng ký nhận khóa API',
      step4Title: 'Gửi kèm khóa',
      step4Text: 'Gửi khóa trong tiêu đề X-Api-Key, và đừng để khóa trong mã nguồn mà bạn công bố:',
      queryTitle: 'Ngôn ngữ truy vấn',
      queryText:
        'Lọc, sắp xếp, nhóm và tổng hợp bất kỳ bảng nào bằng SoQL, ngôn ngữ truy vấn của các cổng Socrata: $select, $where, $order, $group, $q (tìm kiếm toàn văn), $limit và $offset. Kết quả được trả về theo từng trang; dùng next để lấy phần còn lại.',
      queryLink: 'Đọc hướng dẫn về ngôn ngữ truy vấn',
      liveTitle: 'Dữ liệu trực tiếp',
      liveText:
        'Các bộ dữ liệu cảm biến (chỗ đậu xe, giao thông, chất lượng không khí và tiếng ồn) thay đổi ngay khi có số liệu mới. Có ba cách để theo dõi.',
      sseTitle: 'Server-Sent Events',
      sseText:
        'Mỗi bộ dữ liệu một kết nối HTTP, với một sự kiện "observation" cho mỗi số liệu mới. Trình duyệt dùng EventSource; vì EventSource không gửi được tiêu đề, hãy truyền khóa qua tham số api_key.',
      staTitle: 'SensorThings API',
      staText:
        'OGC SensorThings API 1.1: Things, Locations, Datastreams và Observations, với các tùy chọn truy vấn riêng ($filter, $expand, $orderby, $top).',
      staLink: 'Đọc hướng dẫn về SensorThings',
      mqttTitle: 'MQTT',
      mqttText:
        'Đăng ký theo dõi chủ đề của một luồng dữ liệu và nhận từng số liệu ngay khi được lưu. Kết nối với tên người dùng bất kỳ và dùng khóa API làm mật khẩu; nếu không có mật khẩu, bạn chỉ nhận được dữ liệu công cộng.',
      mqttBrokers: 'Địa chỉ máy chủ MQTT trên hệ thống này:',
      mqttOff: 'Hệ thống này không chạy máy chủ MQTT: hãy dùng Server-Sent Events hoặc SensorThings API.',
      mqttTopics: 'Các chủ đề:',
      mqttTopicOne: 'số liệu của một luồng dữ liệu (mã số của luồng có trong SensorThings API)',
      mqttTopicAll: 'số liệu của mọi luồng dữ liệu mà bạn được phép đọc',
      limitsTitle: 'Giới hạn truy cập',
      limitsText: (window: string) =>
        `Để một ứng dụng bận rộn không làm chậm dịch vụ của những người khác, mỗi ứng dụng có một hạn mức số yêu cầu mỗi ${window}, cùng một số lượt tải xuống và kết nối trực tiếp mở cùng lúc. Không có khóa, bạn được tính theo địa chỉ mạng; có khóa, bạn được tính theo khóa.`,
      limitsOff: 'Hệ thống này không áp dụng giới hạn truy cập.',
      limitsCaption: 'Giới hạn theo từng hạng trên hệ thống này',
      limitsTier: 'Hạng',
      limitsRequests: (window: string) => `Số yêu cầu mỗi ${window}`,
      limitsDownloads: 'Số lượt tải xuống cùng lúc',
      limitsLive: 'Số kết nối trực tiếp cùng lúc',
      tier: (tier: Tier) =>
        ({
          anonymous: 'Ẩn danh (không có khóa)',
          standard: 'Tiêu chuẩn (có khóa)',
          elevated: 'Nâng cao (theo yêu cầu)',
          partner: 'Đối tác (theo thỏa thuận và nhân viên)',
        })[tier],
      limitsHeaders:
        'Mỗi phản hồi cho biết giới hạn nào đã được áp dụng, trong các tiêu đề RateLimit và X-RateLimit. Khi vượt giới hạn, phản hồi là mã 429 kèm Retry-After. Để xin nâng hạng, hãy dùng trang tài khoản của bạn.',
      limitsLink: 'Đọc hướng dẫn về giới hạn truy cập',
      window: windowVi,
      referenceTitle: 'Tài liệu tham khảo API',
      referenceText: 'Mọi điểm truy cập cùng tham số và phản hồi, được tạo từ chính mã nguồn phục vụ chúng:',
      referenceDocs: 'Tài liệu API tương tác',
      referenceOpenapi: 'Tài liệu OpenAPI 3.1',
      guidesTitle: 'Hướng dẫn',
      guidesNote: 'Các hướng dẫn được viết bằng tiếng Anh.',
      standardsTitle: 'Tiêu chuẩn',
      standardsText: 'Các công cụ viết cho những cổng dữ liệu khác cũng dùng được tại đây:',
      standardSoda:
        'Socrata Open Data API (SODA 2.1): cùng địa chỉ và cùng cách truy vấn như các cổng Socrata',
      standardSta: 'OGC SensorThings API 1.1: các cảm biến và số liệu đo của chúng',
      standardMqtt: 'MQTT: số liệu trực tiếp ngay khi được lưu',
      standardOpenapi: 'OpenAPI 3.1: bản mô tả toàn bộ API, dành cho các công cụ tạo mã',
      standardDcat: 'DCAT-US 1.1: danh mục dữ liệu, dành cho data.gov và các hệ thống thu thập khác',
      standardCkan: 'CKAN Action API: tìm kiếm gói dữ liệu và kho dữ liệu',
      standardOgc: 'OGC API Features: các lớp dữ liệu không gian',
      clientsTitle: 'Thư viện phần mềm',
      clientsText:
        'Các thư viện phần mềm của Socrata dùng được mà không cần thay đổi: trỏ chúng đến địa chỉ của cổng này và dùng khóa của bạn làm app token.',
      clientPython: 'Python (sodapy)',
      clientR: 'R (RSocrata)',
      guideNav: 'Hướng dẫn',
      guideNotFoundTitle: 'Không tìm thấy hướng dẫn',
      guideNotFoundMessage: 'Không có hướng dẫn nào tại địa chỉ này.',
      allGuides: 'Trang nhà phát triển',
    },
    es: {
      title: 'Desarrolladores',
      description:
        'Use los datos abiertos de la ciudad desde su propio código: API, lenguaje de consultas, datos en vivo y claves de API.',
      intro:
        'Cada conjunto de datos de este portal es también una API. Los datos públicos no necesitan cuenta ni clave: empiece con una solicitud y obtenga una clave gratuita cuando cree algo que funcione todos los días.',
      onThisPage: 'En esta página',
      startTitle: 'Primeros pasos',
      step1Title: 'Encuentre un conjunto de datos',
      step1Text:
        'Busque en el catálogo y abra un conjunto de datos. Su sección de API muestra sus direcciones, con ejemplos en curl, JavaScript, Python y R que usan sus propios campos.',
      step1Link: 'Ver los conjuntos de datos',
      step2Title: 'Haga su primera solicitud',
      step2Text:
        'Los datos públicos no necesitan clave. Pida las primeras cinco filas de un conjunto de datos:',
      step2Catalog: 'El catálogo también es una API: búsquelo como en la página de búsqueda del portal.',
      step3Title: 'Obtenga una clave',
      step3Text:
        'Una cuenta de desarrollador gratuita le da claves de API. Las solicitudes con clave cuentan para su cuenta y no para su dirección de red, y la clave es la forma de acceder a datos restringidos una vez que se le concede el acceso.',
      step3Link: 'Regístrese para obtener una clave de API',
      step4Title: 'Envíe la clave',
      step4Text: 'Envíela en el encabezado X-Api-Key y no la incluya en código que publique:',
      queryTitle: 'El lenguaje de consultas',
      queryText:
        'Filtre, ordene, agrupe y resuma cualquier tabla con SoQL, el lenguaje de consultas de los portales Socrata: $select, $where, $order, $group, $q (búsqueda de texto), $limit y $offset. Las respuestas llegan por páginas; siga next para obtener el resto.',
      queryLink: 'Leer la guía del lenguaje de consultas',
      liveTitle: 'Datos en vivo',
      liveText:
        'Los conjuntos de datos de sensores (estacionamiento, tráfico, calidad del aire y ruido) cambian a medida que llegan las lecturas. Hay tres formas de seguirlos.',
      sseTitle: 'Server-Sent Events',
      sseText:
        'Una conexión HTTP por conjunto de datos, con un evento "observation" por cada lectura nueva. Los navegadores usan EventSource; como no puede enviar encabezados, pase la clave en el parámetro api_key.',
      staTitle: 'API SensorThings',
      staText:
        'La API OGC SensorThings 1.1: Things, Locations, Datastreams y Observations, con sus propias opciones de consulta ($filter, $expand, $orderby, $top).',
      staLink: 'Leer la guía de SensorThings',
      mqttTitle: 'MQTT',
      mqttText:
        'Suscríbase al tema de un flujo de datos y reciba cada lectura en cuanto se guarda. Conéctese con cualquier nombre de usuario y su clave de API como contraseña; sin contraseña, solo recibe datos públicos.',
      mqttBrokers: 'Direcciones del servidor MQTT en este sistema:',
      mqttOff: 'Este sistema no tiene servidor MQTT: use Server-Sent Events o la API SensorThings.',
      mqttTopics: 'Temas:',
      mqttTopicOne: 'las lecturas de un flujo de datos (su identificador está en la API SensorThings)',
      mqttTopicAll: 'las lecturas de todos los flujos de datos que puede leer',
      limitsTitle: 'Límites de uso',
      limitsText: (window: string) =>
        `Para que un cliente muy activo no haga más lento el servicio para los demás, cada cliente tiene un máximo de solicitudes por ${window} y unas pocas descargas y conexiones en vivo abiertas a la vez. Sin clave, se le cuenta por su dirección de red; con clave, por la clave.`,
      limitsOff: 'Los límites de uso están desactivados en este sistema.',
      limitsCaption: 'Límites por nivel en este sistema',
      limitsTier: 'Nivel',
      limitsRequests: (window: string) => `Solicitudes por ${window}`,
      limitsDownloads: 'Descargas a la vez',
      limitsLive: 'Conexiones en vivo a la vez',
      tier: (tier: Tier) =>
        ({
          anonymous: 'Anónimo (sin clave)',
          standard: 'Estándar (con clave)',
          elevated: 'Ampliado (a solicitud)',
          partner: 'Socio (acuerdos y personal)',
        })[tier],
      limitsHeaders:
        'Cada respuesta indica qué límite se aplicó, en los encabezados RateLimit y X-RateLimit. Si supera el límite, la respuesta es 429 con Retry-After. Para pedir un nivel superior, use la página de su cuenta.',
      limitsLink: 'Leer la guía de límites de uso',
      window: windowEs,
      referenceTitle: 'Referencia de la API',
      referenceText:
        'Cada punto de acceso con sus parámetros y respuestas, generado a partir del código que los atiende:',
      referenceDocs: 'Referencia interactiva de la API',
      referenceOpenapi: 'Documento OpenAPI 3.1',
      guidesTitle: 'Guías',
      guidesNote: 'Las guías están en inglés.',
      standardsTitle: 'Estándares',
      standardsText: 'Las herramientas creadas para otros portales también funcionan aquí:',
      standardSoda:
        'Socrata Open Data API (SODA 2.1): las mismas direcciones y consultas que los portales Socrata',
      standardSta: 'OGC SensorThings API 1.1: los sensores y sus observaciones',
      standardMqtt: 'MQTT: lecturas en vivo en cuanto se guardan',
      standardOpenapi: 'OpenAPI 3.1: la descripción de toda la API, para generadores de código',
      standardDcat: 'DCAT-US 1.1: el catálogo, para data.gov y otros recolectores',
      standardCkan: 'CKAN Action API: búsqueda de paquetes y el almacén de datos',
      standardOgc: 'OGC API Features: capas geoespaciales',
      clientsTitle: 'Bibliotecas cliente',
      clientsText:
        'Las bibliotecas cliente de Socrata funcionan sin cambios: apúntelas a la dirección de este portal y use su clave como app token.',
      clientPython: 'Python (sodapy)',
      clientR: 'R (RSocrata)',
      guideNav: 'Guías',
      guideNotFoundTitle: 'Guía no encontrada',
      guideNotFoundMessage: 'No hay ninguna guía en esta dirección.',
      allGuides: 'Página de desarrolladores',
    },
  },
);
