/**
 * Interface strings of a developer's account page and of the pages of one API key (part of `t.account`). `{}`
 * marks where a piece of code goes in a sentence.
 */
import { defineMessages } from '../define.js';

/** A limit's window as a count and a unit: 3600 -> [1, 'hour'], 900 -> [15, 'minute']. */
function windowOf(seconds: number): [number, 'day' | 'hour' | 'minute' | 'second'] {
  const units = [
    [86_400, 'day'],
    [3_600, 'hour'],
    [60, 'minute'],
    [1, 'second'],
  ] as const;
  for (const [size, unit] of units) if (seconds % size === 0) return [seconds / size, unit];
  return [seconds, 'second'];
}

const EN_UNITS = { day: 'day', hour: 'hour', minute: 'minute', second: 'second' };
const VI_UNITS = { day: 'ngày', hour: 'giờ', minute: 'phút', second: 'giây' };
const ES_UNITS = {
  day: ['día', 'días'],
  hour: ['hora', 'horas'],
  minute: ['minuto', 'minutos'],
  second: ['segundo', 'segundos'],
};

/** The rate-limit tiers by their names in each language (the ids are English words). */
export const TIER_NAMES: Readonly<Record<'en' | 'vi' | 'es', Readonly<Record<string, string>>>> = {
  en: { anonymous: 'Anonymous', standard: 'Standard', elevated: 'Elevated', partner: 'Partner' },
  vi: { anonymous: 'Ẩn danh', standard: 'Tiêu chuẩn', elevated: 'Nâng cao', partner: 'Đối tác' },
  es: { anonymous: 'Anónimo', standard: 'Estándar', elevated: 'Elevado', partner: 'Socio' },
};

export const accountKeys = defineMessages(
  {
    accountTitle: 'Your account',
    noticeVerified: 'Your email address is confirmed. You can create API keys now.',
    noticeSent: 'We sent a new confirmation link. It works for 24 hours; earlier links no longer do.',
    noticeRevoked: 'The key is revoked: requests made with it are refused from now on.',
    noticeRenamed: 'The key is renamed.',
    profile: 'Profile',
    name: 'Name',
    emailShort: 'Email',
    confirmed: 'Confirmed',
    notConfirmed: 'Not confirmed',
    status: 'Status',
    accountStatus: (status: string) =>
      ({ active: 'Active', suspended: 'Suspended', revoked: 'Closed' })[status] ?? status,
    memberSince: 'Member since',
    termsAccepted: 'Terms of use accepted',
    readThem: 'read them',
    unverifiedBody: (email: string) =>
      `We sent a link to ${email}. Open it to confirm your address: until then you cannot create API keys.`,
    sendAgain: 'Send the link again',

    rateLimits: 'Rate limits',
    noLimits: 'This server enforces no rate limits at the moment.',
    yourTier: 'Your tier: ',
    raisedTier: (tier: string) => ` Your requests count as ${tier} for now, through an approved request.`,
    tiersCaption: 'What each tier allows',
    colTier: 'Tier',
    colRequests: 'Requests',
    colDownloads: 'Downloads at once',
    colLive: 'Live connections at once',
    yours: ' (yours)',
    perWindow: (requests: string, seconds: number) => {
      const [n, unit] = windowOf(seconds);
      return `${requests} per ${n === 1 ? EN_UNITS[unit] : `${n} ${EN_UNITS[unit]}s`}`;
    },
    limitsLead: 'Requests made with your keys count against your tier. A request over the limit is answered ',
    limitsWith: ' with a ',
    limitsTail: ' header.',
    tierName: (tier: string) => TIER_NAMES.en[tier] ?? tier,

    apiKeys: 'API keys',
    noKeys: 'No keys yet.',
    keysCaption: 'Your API keys',
    colName: 'Name',
    colKey: 'Key',
    colCreated: 'Created',
    colLastUsed: 'Last used',
    colActions: 'Actions',
    never: 'Never',
    usage: 'Usage',
    usageOf: (name: string) => ` of ${name}`,
    revokeAction: 'Revoke',
    keysOnceConfirmed: 'You can create keys once your email address is confirmed.',
    sendKeyLead: 'Send a key with each request as the ',
    sendKeyMiddle: ' header. The ',
    keysGuide: 'API keys guide',
    sendKeyTail: ' shows every way, for live feeds too.',
    createKeyHeading: 'Create a key',
    keyName: 'Name of the key',
    keyNameHint:
      'Say what uses it, like “bus arrivals app” or “research notebook”: one key per app lets you revoke one alone.',
    createKey: 'Create key',

    keyActive: 'Active',
    keySuspended: (until: string | undefined, reason: string | undefined) =>
      `Suspended${until ? ` until ${until}` : ''}${reason ? `: ${reason}` : ''}`,
    keyRevokedOn: (date: string) => `Revoked ${date}`,

    newKeyTitle: (name: string) => `Your new API key “${name}”`,
    newSecretTitle: (name: string) => `New secret for “${name}”`,
    copyNow: 'Copy the key now: this is the only time it is shown.',
    copyWhy:
      ' We keep only a fingerprint of it, so nobody can show it to you again. If you lose it, rotate the key to get a new secret.',
    previousStopped: ' The previous secret of this key has stopped working.',
    yourKey: 'Your API key:',
    copyHint:
      "Select the whole key and copy it (Ctrl+C, or ⌘+C on a Mac), then keep it somewhere safe, like a password manager or your app's secret settings. Do not put it in code you publish.",
    howToSend: 'How to send it',
    examplesLead: 'In the examples, ',
    examplesTail: ' holds the key.',
    headerBest: '{} header (best)',
    queryParameter: '{} query parameter',
    queryParameterNote:
      'For tools that cannot set headers. Addresses end up in browser histories and logs: prefer the header.',
    socrataTitle: ' for Socrata clients',
    socrataLead:
      'Clients written for Socrata portals (sodapy, RSocrata, soda-js) send an app token: give them this key as the app token, and they send it as ',
    or: ' or ',
    liveTitle: 'Live feed (Server-Sent Events)',
    liveNote: "Browsers' {} cannot set headers, so use the parameter:",
    mqttLead: 'Connect to ',
    mqttUser: ' with the username ',
    mqttTail: ' and the key as the password, then subscribe to the datastreams you may read.',
    seeKey: 'See this key’s details and usage',
    backToAccount: 'Back to your account',

    keyTitle: (name: string) => `API key “${name}”`,
    apiKey: 'API key',
    requestsInDays: (days: number) => `Requests in the last ${days} days`,
    usageSummary: (requests: string, from: string, to: string, limited: string | undefined) =>
      `${requests} requests from ${from} to ${to}${limited ? `, of which ${limited} went over the rate limit` : ''}.`,
    daysNote: (timeZone: string) =>
      ` Days are calendar days in ${timeZone}; the counts of the last few seconds may still be on their way.`,
    usageCaption: 'Requests per day with this key',
    colDay: 'Day',
    colOverLimit: 'Over the limit',
    colCompared: 'Compared with the busiest day',
    rename: 'Rename',
    newName: 'New name',
    rotate: 'Rotate',
    rotateText:
      'Rotating gives the key a new secret and stops the current one at once; the name and the usage stay. Rotate when the secret may have been seen by someone else, then update your apps.',
    rotateSubmit: 'Rotate the secret',
    revokeHeading: 'Revoke',
    revokeText: 'Revoking stops the key for good. Apps that use it get 401 errors.',
    revokeLink: 'Revoke this key…',
    revokedNote: 'This key was revoked and can no longer be used. Its usage stays here for your records.',
    revokeTitle: (name: string) => `Revoke the key “${name}”?`,
    revokeWarnLead: 'The key ',
    revokeWarnTail:
      ' stops working at once, for good: every request made with it is refused with a 401 error. This cannot be undone.',
    revokeSubmit: 'Revoke the key',
    keepIt: 'Keep it',
  },
  {
    vi: {
      accountTitle: 'Tài khoản của bạn',
      noticeVerified: 'Địa chỉ email của bạn đã được xác nhận. Giờ bạn có thể tạo khóa API.',
      noticeSent:
        'Chúng tôi đã gửi một đường liên kết xác nhận mới. Đường liên kết có hiệu lực 24 giờ; các đường liên kết trước không còn dùng được.',
      noticeRevoked: 'Khóa đã bị thu hồi: từ nay các yêu cầu dùng khóa này sẽ bị từ chối.',
      noticeRenamed: 'Khóa đã được đổi tên.',
      profile: 'Hồ sơ',
      name: 'Tên',
      emailShort: 'Email',
      confirmed: 'Đã xác nhận',
      notConfirmed: 'Chưa xác nhận',
      status: 'Trạng thái',
      accountStatus: (status: string) =>
        ({ active: 'Đang hoạt động', suspended: 'Bị tạm ngưng', revoked: 'Đã đóng' })[status] ?? status,
      memberSince: 'Thành viên từ',
      termsAccepted: 'Đã chấp nhận điều khoản sử dụng',
      readThem: 'xem điều khoản',
      unverifiedBody: (email: string) =>
        `Chúng tôi đã gửi một đường liên kết đến ${email}. Hãy mở đường liên kết để xác nhận địa chỉ: trước khi xác nhận, bạn không thể tạo khóa API.`,
      sendAgain: 'Gửi lại đường liên kết',

      rateLimits: 'Giới hạn truy cập',
      noLimits: 'Hiện máy chủ này không áp dụng giới hạn truy cập nào.',
      yourTier: 'Hạng của bạn: ',
      raisedTier: (tier: string) =>
        ` Hiện các yêu cầu của bạn được tính theo hạng ${tier}, nhờ một yêu cầu đã được chấp thuận.`,
      tiersCaption: 'Mức cho phép của từng hạng',
      colTier: 'Hạng',
      colRequests: 'Số yêu cầu',
      colDownloads: 'Số lượt tải xuống cùng lúc',
      colLive: 'Số kết nối trực tiếp cùng lúc',
      yours: ' (của bạn)',
      perWindow: (requests: string, seconds: number) => {
        const [n, unit] = windowOf(seconds);
        return `${requests} mỗi ${n === 1 ? VI_UNITS[unit] : `${n} ${VI_UNITS[unit]}`}`;
      },
      limitsLead:
        'Các yêu cầu dùng khóa của bạn được tính theo hạng của bạn. Yêu cầu vượt giới hạn sẽ nhận mã trả lời ',
      limitsWith: ' kèm tiêu đề ',
      limitsTail: '.',
      tierName: (tier: string) => TIER_NAMES.vi[tier] ?? tier,

      apiKeys: 'Khóa API',
      noKeys: 'Chưa có khóa nào.',
      keysCaption: 'Các khóa API của bạn',
      colName: 'Tên',
      colKey: 'Khóa',
      colCreated: 'Ngày tạo',
      colLastUsed: 'Lần dùng gần nhất',
      colActions: 'Thao tác',
      never: 'Chưa bao giờ',
      usage: 'Mức sử dụng',
      usageOf: (name: string) => ` của ${name}`,
      revokeAction: 'Thu hồi',
      keysOnceConfirmed: 'Bạn có thể tạo khóa sau khi địa chỉ email được xác nhận.',
      sendKeyLead: 'Gửi khóa kèm mỗi yêu cầu trong tiêu đề ',
      sendKeyMiddle: '. ',
      keysGuide: 'Hướng dẫn về khóa API',
      sendKeyTail: ' trình bày mọi cách gửi, kể cả cho các nguồn dữ liệu trực tiếp.',
      createKeyHeading: 'Tạo khóa',
      keyName: 'Tên khóa',
      keyNameHint:
        'Hãy ghi rõ khóa dùng cho việc gì, ví dụ “ứng dụng giờ xe buýt” hay “sổ tay nghiên cứu”: mỗi ứng dụng một khóa giúp bạn thu hồi riêng từng khóa.',
      createKey: 'Tạo khóa',

      keyActive: 'Đang hoạt động',
      keySuspended: (until: string | undefined, reason: string | undefined) =>
        `Bị tạm ngưng${until ? ` đến ${until}` : ''}${reason ? `: ${reason}` : ''}`,
      keyRevokedOn: (date: string) => `Đã thu hồi ngày ${date}`,

      newKeyTitle: (name: string) => `Khóa API mới của bạn “${name}”`,
      newSecretTitle: (name: string) => `Mã bí mật mới cho “${name}”`,
      copyNow: 'Hãy sao chép khóa ngay: đây là lần duy nhất khóa được hiển thị.',
      copyWhy:
        ' Chúng tôi chỉ giữ dấu vân tay của khóa, nên không ai có thể cho bạn xem lại. Nếu làm mất, hãy xoay vòng khóa để nhận mã bí mật mới.',
      previousStopped: ' Mã bí mật trước đây của khóa này đã ngừng hoạt động.',
      yourKey: 'Khóa API của bạn:',
      copyHint:
        'Hãy chọn toàn bộ khóa và sao chép (Ctrl+C, hoặc ⌘+C trên máy Mac), rồi cất ở nơi an toàn, như trình quản lý mật khẩu hoặc phần cài đặt bí mật của ứng dụng. Đừng đưa khóa vào mã nguồn bạn công bố.',
      howToSend: 'Cách gửi khóa',
      examplesLead: 'Trong các ví dụ, ',
      examplesTail: ' chứa khóa.',
      headerBest: 'Tiêu đề {} (tốt nhất)',
      queryParameter: 'Tham số truy vấn {}',
      queryParameterNote:
        'Dành cho các công cụ không đặt được tiêu đề. Địa chỉ sẽ bị lưu trong lịch sử trình duyệt và nhật ký: nên dùng tiêu đề.',
      socrataTitle: ' cho các ứng dụng khách Socrata',
      socrataLead:
        'Các ứng dụng khách viết cho cổng Socrata (sodapy, RSocrata, soda-js) gửi một mã ứng dụng: hãy đưa khóa này làm mã ứng dụng, và chúng sẽ gửi khóa dưới dạng ',
      or: ' hoặc ',
      liveTitle: 'Nguồn dữ liệu trực tiếp (Server-Sent Events)',
      liveNote: '{} của trình duyệt không đặt được tiêu đề, nên hãy dùng tham số:',
      mqttLead: 'Kết nối đến ',
      mqttUser: ' với tên người dùng ',
      mqttTail: ' và khóa làm mật khẩu, rồi đăng ký theo dõi các luồng dữ liệu bạn được phép đọc.',
      seeKey: 'Xem chi tiết và mức sử dụng của khóa này',
      backToAccount: 'Quay lại tài khoản của bạn',

      keyTitle: (name: string) => `Khóa API “${name}”`,
      apiKey: 'Khóa API',
      requestsInDays: (days: number) => `Số yêu cầu trong ${days} ngày qua`,
      usageSummary: (requests: string, from: string, to: string, limited: string | undefined) =>
        `${requests} yêu cầu từ ${from} đến ${to}${limited ? `, trong đó ${limited} yêu cầu vượt giới hạn truy cập` : ''}.`,
      daysNote: (timeZone: string) =>
        ` Ngày được tính theo lịch tại múi giờ ${timeZone}; số liệu của vài giây gần nhất có thể chưa được cập nhật.`,
      usageCaption: 'Số yêu cầu mỗi ngày dùng khóa này',
      colDay: 'Ngày',
      colOverLimit: 'Vượt giới hạn',
      colCompared: 'So với ngày nhiều nhất',
      rename: 'Đổi tên',
      newName: 'Tên mới',
      rotate: 'Xoay vòng',
      rotateText:
        'Xoay vòng cấp cho khóa một mã bí mật mới và vô hiệu hóa mã hiện tại ngay lập tức; tên và số liệu sử dụng vẫn được giữ. Hãy xoay vòng khi mã bí mật có thể đã bị người khác thấy, rồi cập nhật các ứng dụng của bạn.',
      rotateSubmit: 'Xoay vòng mã bí mật',
      revokeHeading: 'Thu hồi',
      revokeText: 'Thu hồi sẽ vô hiệu hóa khóa vĩnh viễn. Các ứng dụng dùng khóa sẽ nhận lỗi 401.',
      revokeLink: 'Thu hồi khóa này…',
      revokedNote:
        'Khóa này đã bị thu hồi và không thể dùng được nữa. Số liệu sử dụng vẫn được giữ ở đây để bạn tham khảo.',
      revokeTitle: (name: string) => `Thu hồi khóa “${name}”?`,
      revokeWarnLead: 'Khóa ',
      revokeWarnTail:
        ' sẽ ngừng hoạt động ngay lập tức và vĩnh viễn: mọi yêu cầu dùng khóa này sẽ bị từ chối với lỗi 401. Không thể hoàn tác.',
      revokeSubmit: 'Thu hồi khóa',
      keepIt: 'Giữ lại',
    },
    es: {
      accountTitle: 'Su cuenta',
      noticeVerified: 'Su correo electrónico está confirmado. Ya puede crear claves de API.',
      noticeSent:
        'Le enviamos un nuevo enlace de confirmación. Funciona durante 24 horas; los enlaces anteriores ya no funcionan.',
      noticeRevoked: 'La clave está revocada: desde ahora se rechazan las solicitudes hechas con ella.',
      noticeRenamed: 'Se cambió el nombre de la clave.',
      profile: 'Perfil',
      name: 'Nombre',
      emailShort: 'Correo electrónico',
      confirmed: 'Confirmado',
      notConfirmed: 'Sin confirmar',
      status: 'Estado',
      accountStatus: (status: string) =>
        ({ active: 'Activa', suspended: 'Suspendida', revoked: 'Cerrada' })[status] ?? status,
      memberSince: 'Miembro desde',
      termsAccepted: 'Condiciones de uso aceptadas',
      readThem: 'leerlas',
      unverifiedBody: (email: string) =>
        `Enviamos un enlace a ${email}. Ábralo para confirmar su dirección: hasta entonces no puede crear claves de API.`,
      sendAgain: 'Enviar el enlace de nuevo',

      rateLimits: 'Límites de uso',
      noLimits: 'Por ahora, este servidor no aplica límites de uso.',
      yourTier: 'Su nivel: ',
      raisedTier: (tier: string) =>
        ` Por ahora, sus solicitudes cuentan como nivel ${tier}, gracias a una solicitud aprobada.`,
      tiersCaption: 'Lo que permite cada nivel',
      colTier: 'Nivel',
      colRequests: 'Solicitudes',
      colDownloads: 'Descargas simultáneas',
      colLive: 'Conexiones en vivo simultáneas',
      yours: ' (el suyo)',
      perWindow: (requests: string, seconds: number) => {
        const [n, unit] = windowOf(seconds);
        const [one, many] = ES_UNITS[unit];
        return `${requests} por ${n === 1 ? one : `${n} ${many}`}`;
      },
      limitsLead:
        'Las solicitudes hechas con sus claves cuentan para su nivel. Una solicitud que supera el límite recibe la respuesta ',
      limitsWith: ' con un encabezado ',
      limitsTail: '.',
      tierName: (tier: string) => TIER_NAMES.es[tier] ?? tier,

      apiKeys: 'Claves de API',
      noKeys: 'Todavía no tiene claves.',
      keysCaption: 'Sus claves de API',
      colName: 'Nombre',
      colKey: 'Clave',
      colCreated: 'Creada',
      colLastUsed: 'Último uso',
      colActions: 'Acciones',
      never: 'Nunca',
      usage: 'Uso',
      usageOf: (name: string) => ` de ${name}`,
      revokeAction: 'Revocar',
      keysOnceConfirmed: 'Podrá crear claves cuando su correo electrónico esté confirmado.',
      sendKeyLead: 'Envíe una clave con cada solicitud en el encabezado ',
      sendKeyMiddle: '. La ',
      keysGuide: 'guía de claves de API',
      sendKeyTail: ' muestra todas las formas, también para las transmisiones en vivo.',
      createKeyHeading: 'Crear una clave',
      keyName: 'Nombre de la clave',
      keyNameHint:
        'Indique qué la usa, como “app de llegadas de autobús” o “cuaderno de investigación”: una clave por app le permite revocar una sola.',
      createKey: 'Crear clave',

      keyActive: 'Activa',
      keySuspended: (until: string | undefined, reason: string | undefined) =>
        `Suspendida${until ? ` hasta ${until}` : ''}${reason ? `: ${reason}` : ''}`,
      keyRevokedOn: (date: string) => `Revocada el ${date}`,

      newKeyTitle: (name: string) => `Su nueva clave de API “${name}”`,
      newSecretTitle: (name: string) => `Nuevo secreto para “${name}”`,
      copyNow: 'Copie la clave ahora: esta es la única vez que se muestra.',
      copyWhy:
        ' Solo guardamos una huella de la clave, así que nadie puede volver a mostrársela. Si la pierde, rote la clave para obtener un nuevo secreto.',
      previousStopped: ' El secreto anterior de esta clave dejó de funcionar.',
      yourKey: 'Su clave de API:',
      copyHint:
        'Seleccione la clave completa y cópiela (Ctrl+C, o ⌘+C en una Mac); luego guárdela en un lugar seguro, como un administrador de contraseñas o la configuración secreta de su app. No la ponga en código que publique.',
      howToSend: 'Cómo enviarla',
      examplesLead: 'En los ejemplos, ',
      examplesTail: ' contiene la clave.',
      headerBest: 'Encabezado {} (lo mejor)',
      queryParameter: 'Parámetro de consulta {}',
      queryParameterNote:
        'Para herramientas que no pueden fijar encabezados. Las direcciones quedan en el historial del navegador y en los registros: es preferible el encabezado.',
      socrataTitle: ' para clientes de Socrata',
      socrataLead:
        'Los clientes escritos para portales Socrata (sodapy, RSocrata, soda-js) envían un token de aplicación: deles esta clave como token de aplicación y la enviarán como ',
      or: ' o ',
      liveTitle: 'Transmisión en vivo (Server-Sent Events)',
      liveNote: 'El {} de los navegadores no puede fijar encabezados, así que use el parámetro:',
      mqttLead: 'Conéctese a ',
      mqttUser: ' con el usuario ',
      mqttTail: ' y la clave como contraseña; luego suscríbase a los flujos de datos que puede leer.',
      seeKey: 'Ver los detalles y el uso de esta clave',
      backToAccount: 'Volver a su cuenta',

      keyTitle: (name: string) => `Clave de API “${name}”`,
      apiKey: 'Clave de API',
      requestsInDays: (days: number) => `Solicitudes de los últimos ${days} días`,
      usageSummary: (requests: string, from: string, to: string, limited: string | undefined) =>
        `${requests} solicitudes del ${from} al ${to}${limited ? `, de las cuales ${limited} superaron el límite de uso` : ''}.`,
      daysNote: (timeZone: string) =>
        ` Los días son días naturales en ${timeZone}; es posible que aún falten los conteos de los últimos segundos.`,
      usageCaption: 'Solicitudes por día con esta clave',
      colDay: 'Día',
      colOverLimit: 'Sobre el límite',
      colCompared: 'Comparado con el día de más uso',
      rename: 'Cambiar nombre',
      newName: 'Nombre nuevo',
      rotate: 'Rotar',
      rotateText:
        'Rotar le da a la clave un nuevo secreto y anula el actual de inmediato; el nombre y el uso se conservan. Rote la clave cuando alguien más pueda haber visto el secreto, y luego actualice sus apps.',
      rotateSubmit: 'Rotar el secreto',
      revokeHeading: 'Revocar',
      revokeText: 'Revocar anula la clave para siempre. Las apps que la usan reciben errores 401.',
      revokeLink: 'Revocar esta clave…',
      revokedNote: 'Esta clave fue revocada y ya no se puede usar. Su uso queda aquí para sus registros.',
      revokeTitle: (name: string) => `¿Revocar la clave “${name}”?`,
      revokeWarnLead: 'La clave ',
      revokeWarnTail:
        ' deja de funcionar de inmediato y para siempre: toda solicitud hecha con ella se rechaza con un error 401. No se puede deshacer.',
      revokeSubmit: 'Revocar la clave',
      keepIt: 'Conservarla',
    },
  },
);
