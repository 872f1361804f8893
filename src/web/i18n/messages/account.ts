/**
 * Interface strings of a developer's way in and of their account: sign-up, email confirmation, the errors of
 * those pages (here), the account and API key pages (account-keys.ts) and access requests
 * (account-requests.ts), read together as `t.account`.
 */
import { defineMessages } from '../define.js';
import { accountKeys } from './account-keys.js';
import { accountRequests } from './account-requests.js';

const signUp = defineMessages(
  {
    signUpTitle: 'Create a developer account',
    errorTitle: (title: string) => `Error: ${title}`,
    signUpDescription: "Sign up for API keys to the city's open data.",
    signUpIntro:
      'A developer account gives you API keys: higher rate limits than anonymous use, a usage page per key, ' +
      'and the way to ask for restricted datasets. Reading open data needs no account.',
    yourName: 'Your name',
    email: 'Email address',
    emailHint: 'We send a link to confirm it. Notices about your keys go here too.',
    password: 'Password',
    termsLead: 'Read the ',
    termsLink: 'terms of use of the open data API',
    termsTail: (version: string) =>
      ` (version ${version}): attribution, fair use of the rate limits, and when keys can be suspended.`,
    acceptTerms: 'I accept the terms of use',
    createAccount: 'Create account',
    haveAccount: 'Already have an account? ',
    signInLink: 'Sign in',
    haveAccountTail: '.',
    problemTitle: 'There is a problem',
    errorPrefix: 'Error: ',
    giveName: 'Give your name.',
    nameTooLong: (max: number) => `Use at most ${max} characters.`,
    validEmail: 'Give a valid email address, like name@example.org.',
    acceptTermsProblem: 'Accept the terms of use to create an account.',

    checkEmailTitle: 'Check your email',
    checkEmailBody:
      'We sent a message to the address you gave. Open the link in it within 24 hours to confirm your ' +
      'address; then you can create API keys.',
    checkEmailLead: 'No message after a few minutes? Look in the spam folder. You can also ',
    checkEmailSignIn: 'sign in',
    checkEmailTail: ' and ask for a new link on your account page.',

    confirmTitle: 'Confirm your email address',
    confirmIntro:
      'Press the button to confirm your address. You will be signed in and taken to your account.',
    confirmSubmit: 'Confirm my address',

    errFormExpired: 'The form has expired',
    errLinkUnusable: 'This link cannot be used',
    errNotFound: 'Not found',
    errWait: 'Please wait a moment',
    errNotAllowed: 'Not allowed',
    errNeedsFixing: 'Something needs fixing',
    verifyInvalid:
      'This confirmation link is not valid. Open the whole link from the message, or sign in and ask for a new one.',
    verifyUsed: 'This confirmation link was already used (or a newer one replaced it). Sign in to continue.',
    verifyExpired:
      'This confirmation link has expired: links last 24 hours. Sign in and ask for a new one on your account page.',
    verifyWait: (seconds: number) =>
      `A link was sent less than a minute ago: check your mailbox (and its spam folder), or ask again in ${seconds} seconds.`,
    alreadyVerified: 'This account’s email address is already confirmed.',
    unverified:
      'Confirm your email address before creating API keys: open the link we sent you, or ask for a new one on your account page.',
    keyNotFound: (id: string) => `No API key "${id}" on this account.`,
    keyLimit: (max: number) => `An account holds at most ${max} keys; revoke one you no longer use.`,
    keyNameProblem: 'Name the key with 1 to 100 characters.',
    keyRevoked: 'This API key was revoked; create a new one on your account page.',
  },
  {
    vi: {
      signUpTitle: 'Tạo tài khoản nhà phát triển',
      errorTitle: (title: string) => `Lỗi: ${title}`,
      signUpDescription: 'Đăng ký để nhận khóa API truy cập dữ liệu mở của thành phố.',
      signUpIntro:
        'Tài khoản nhà phát triển cho bạn các khóa API: giới hạn truy cập cao hơn so với dùng ẩn danh, một trang ' +
        'thống kê sử dụng cho mỗi khóa, và cách để xin quyền truy cập các bộ dữ liệu bị hạn chế. Đọc dữ liệu mở ' +
        'không cần tài khoản.',
      yourName: 'Họ và tên',
      email: 'Địa chỉ email',
      emailHint:
        'Chúng tôi gửi một đường liên kết để xác nhận địa chỉ này. Các thông báo về khóa của bạn cũng được gửi đến đây.',
      password: 'Mật khẩu',
      termsLead: 'Hãy đọc ',
      termsLink: 'điều khoản sử dụng API dữ liệu mở',
      termsTail: (version: string) =>
        ` (phiên bản ${version}): ghi nguồn, sử dụng hợp lý trong giới hạn truy cập, và khi nào khóa có thể bị tạm ngưng.`,
      acceptTerms: 'Tôi chấp nhận điều khoản sử dụng',
      createAccount: 'Tạo tài khoản',
      haveAccount: 'Đã có tài khoản? ',
      signInLink: 'Đăng nhập',
      haveAccountTail: '.',
      problemTitle: 'Có vấn đề cần sửa',
      errorPrefix: 'Lỗi: ',
      giveName: 'Hãy cho biết tên của bạn.',
      nameTooLong: (max: number) => `Hãy dùng tối đa ${max} ký tự.`,
      validEmail: 'Hãy nhập một địa chỉ email hợp lệ, ví dụ ten@example.org.',
      acceptTermsProblem: 'Hãy chấp nhận điều khoản sử dụng để tạo tài khoản.',

      checkEmailTitle: 'Hãy kiểm tra email',
      checkEmailBody:
        'Chúng tôi đã gửi thư đến địa chỉ bạn cung cấp. Hãy mở đường liên kết trong thư trong vòng 24 giờ để xác ' +
        'nhận địa chỉ; sau đó bạn có thể tạo khóa API.',
      checkEmailLead: 'Vài phút sau vẫn chưa nhận được thư? Hãy xem thư mục thư rác. Bạn cũng có thể ',
      checkEmailSignIn: 'đăng nhập',
      checkEmailTail: ' và yêu cầu đường liên kết mới trên trang tài khoản.',

      confirmTitle: 'Xác nhận địa chỉ email',
      confirmIntro: 'Hãy bấm nút để xác nhận địa chỉ. Bạn sẽ được đăng nhập và chuyển đến trang tài khoản.',
      confirmSubmit: 'Xác nhận địa chỉ của tôi',

      errFormExpired: 'Biểu mẫu đã hết hạn',
      errLinkUnusable: 'Không thể dùng đường liên kết này',
      errNotFound: 'Không tìm thấy',
      errWait: 'Vui lòng chờ một lát',
      errNotAllowed: 'Không được phép',
      errNeedsFixing: 'Có điều cần sửa',
      verifyInvalid:
        'Đường liên kết xác nhận này không hợp lệ. Hãy mở toàn bộ đường liên kết trong thư, hoặc đăng nhập và yêu cầu đường liên kết mới.',
      verifyUsed:
        'Đường liên kết xác nhận này đã được dùng (hoặc đã được thay bằng một đường liên kết mới hơn). Hãy đăng nhập để tiếp tục.',
      verifyExpired:
        'Đường liên kết xác nhận này đã hết hạn: mỗi đường liên kết có hiệu lực 24 giờ. Hãy đăng nhập và yêu cầu đường liên kết mới trên trang tài khoản.',
      verifyWait: (seconds: number) =>
        `Một đường liên kết vừa được gửi chưa đầy một phút trước: hãy kiểm tra hộp thư (và thư mục thư rác), hoặc yêu cầu lại sau ${seconds} giây.`,
      alreadyVerified: 'Địa chỉ email của tài khoản này đã được xác nhận.',
      unverified:
        'Hãy xác nhận địa chỉ email trước khi tạo khóa API: mở đường liên kết chúng tôi đã gửi, hoặc yêu cầu đường liên kết mới trên trang tài khoản.',
      keyNotFound: (id: string) => `Tài khoản này không có khóa API "${id}".`,
      keyLimit: (max: number) =>
        `Mỗi tài khoản có tối đa ${max} khóa; hãy thu hồi một khóa bạn không còn dùng.`,
      keyNameProblem: 'Hãy đặt tên khóa từ 1 đến 100 ký tự.',
      keyRevoked: 'Khóa API này đã bị thu hồi; hãy tạo khóa mới trên trang tài khoản.',
    },
    es: {
      signUpTitle: 'Crear una cuenta de desarrollador',
      errorTitle: (title: string) => `Error: ${title}`,
      signUpDescription: 'Regístrese para obtener claves de API para los datos abiertos de la ciudad.',
      signUpIntro:
        'Una cuenta de desarrollador le da claves de API: límites de uso más altos que el uso anónimo, una página ' +
        'de uso por clave y la forma de pedir acceso a conjuntos de datos restringidos. Para consultar datos ' +
        'abiertos no se necesita cuenta.',
      yourName: 'Su nombre',
      email: 'Correo electrónico',
      emailHint: 'Le enviamos un enlace para confirmarlo. Los avisos sobre sus claves también llegan aquí.',
      password: 'Contraseña',
      termsLead: 'Lea las ',
      termsLink: 'condiciones de uso de la API de datos abiertos',
      termsTail: (version: string) =>
        ` (versión ${version}): atribución, uso razonable de los límites y cuándo se pueden suspender las claves.`,
      acceptTerms: 'Acepto las condiciones de uso',
      createAccount: 'Crear cuenta',
      haveAccount: '¿Ya tiene una cuenta? ',
      signInLink: 'Inicie sesión',
      haveAccountTail: '.',
      problemTitle: 'Hay un problema',
      errorPrefix: 'Error: ',
      giveName: 'Indique su nombre.',
      nameTooLong: (max: number) => `Use como máximo ${max} caracteres.`,
      validEmail: 'Indique un correo electrónico válido, como nombre@example.org.',
      acceptTermsProblem: 'Acepte las condiciones de uso para crear una cuenta.',

      checkEmailTitle: 'Revise su correo electrónico',
      checkEmailBody:
        'Enviamos un mensaje a la dirección que indicó. Abra el enlace que contiene en un plazo de 24 horas para ' +
        'confirmar su dirección; después podrá crear claves de API.',
      checkEmailLead:
        '¿No recibió nada después de unos minutos? Revise la carpeta de correo no deseado. También puede ',
      checkEmailSignIn: 'iniciar sesión',
      checkEmailTail: ' y pedir un nuevo enlace en la página de su cuenta.',

      confirmTitle: 'Confirme su correo electrónico',
      confirmIntro:
        'Presione el botón para confirmar su dirección. Se iniciará su sesión y pasará a su cuenta.',
      confirmSubmit: 'Confirmar mi dirección',

      errFormExpired: 'El formulario venció',
      errLinkUnusable: 'No se puede usar este enlace',
      errNotFound: 'No encontrado',
      errWait: 'Espere un momento',
      errNotAllowed: 'No permitido',
      errNeedsFixing: 'Hay algo que corregir',
      verifyInvalid:
        'Este enlace de confirmación no es válido. Abra el enlace completo del mensaje, o inicie sesión y pida uno nuevo.',
      verifyUsed:
        'Este enlace de confirmación ya se usó (o uno más reciente lo reemplazó). Inicie sesión para continuar.',
      verifyExpired:
        'Este enlace de confirmación venció: los enlaces duran 24 horas. Inicie sesión y pida uno nuevo en la página de su cuenta.',
      verifyWait: (seconds: number) =>
        `Se envió un enlace hace menos de un minuto: revise su buzón (y la carpeta de correo no deseado), o vuelva a pedirlo en ${seconds} segundos.`,
      alreadyVerified: 'El correo electrónico de esta cuenta ya está confirmado.',
      unverified:
        'Confirme su correo electrónico antes de crear claves de API: abra el enlace que le enviamos o pida uno nuevo en la página de su cuenta.',
      keyNotFound: (id: string) => `Esta cuenta no tiene la clave de API "${id}".`,
      keyLimit: (max: number) =>
        `Una cuenta puede tener como máximo ${max} claves; revoque una que ya no use.`,
      keyNameProblem: 'Ponga a la clave un nombre de 1 a 100 caracteres.',
      keyRevoked: 'Esta clave de API fue revocada; cree una nueva en la página de su cuenta.',
    },
  },
);

type Keys<M> = keyof M;
type Overlap =
  | Extract<Keys<typeof signUp.en>, Keys<typeof accountKeys.en> | Keys<typeof accountRequests.en>>
  | Extract<Keys<typeof accountKeys.en>, Keys<typeof accountRequests.en>>;
// A key in two parts would hide one of them: this does not compile when there is one.
const noOverlap: [Overlap] extends [never] ? true : false = true;
void noOverlap;

/** The three parts as one namespace. */
export const account = {
  en: { ...signUp.en, ...accountKeys.en, ...accountRequests.en },
  vi: { ...signUp.vi, ...accountKeys.vi, ...accountRequests.vi },
  es: { ...signUp.es, ...accountKeys.es, ...accountRequests.es },
} as const;
