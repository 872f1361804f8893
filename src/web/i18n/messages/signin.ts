/**
 * Interface strings of signing in and resetting a password, and the words every account form shares (field
 * errors, password rules). The English problems say what the services say, so that the English pages read as
 * the JSON API does.
 */
import { defineMessages } from '../define.js';

export const signin = defineMessages(
  {
    title: 'Sign in',
    description: 'Sign in to the open data portal: city staff and developers with an account.',
    email: 'Email address',
    password: 'Password',
    submit: 'Sign in',
    forgot: 'Forgot your password?',
    staffHeading: 'City staff',
    signInWith: (provider: string) => `Sign in with ${provider}`,
    noAccountLead: 'Developers without an account: ',
    noAccountLink: 'create one',
    noAccountTail: ' to get an API key.',
    backToSignIn: 'Back to signing in',
    passwordChanged: 'Your password is changed. Sign in with the new one.',

    errorPrefix: 'Error: ',
    fixFollowing: 'Please fix the following:',
    formExpired:
      'The form is missing its security token or it has expired; reload the page and send the form again.',
    enterEmail: 'Enter your email address.',
    emailLike: 'Enter an email address like name@example.org.',
    enterPassword: 'Enter your password.',
    invalidCredentials: 'The email address or the password is not right. Check both, or reset your password.',
    locked: (until: string) =>
      `Too many failed sign-in attempts: signing in to this account is paused until ${until}. ` +
      'Wait until then, or reset your password by email.',
    suspended: (until: string | undefined) =>
      `This account is suspended${until ? ` until ${until}` : ''} or closed. The notice sent to its email ` +
      'address says why and how to ask for a review.',

    forgotTitle: 'Reset your password',
    forgotIntro: 'Give the email address of your account. We will send a link to choose a new password.',
    forgotSubmit: 'Send the link',
    forgotEmailError: 'Enter the email address of your account, like name@example.org.',
    sentTitle: 'Check your email',
    sentBody: (email: string) =>
      `If an account exists for ${email}, we sent it a link to choose a new password. ` +
      'The link works once, within the next hour.',
    sentLead: 'No message after a few minutes? Check the spam folder, or ',
    sentAskAgain: 'ask again',
    sentTail: '.',

    resetTitle: 'Choose a new password',
    newPassword: 'New password',
    newPasswordAgain: 'New password again',
    forAccount: (email: string) => `For the account ${email}. Signing in elsewhere ends when you change it.`,
    passwordHint: (min: number) =>
      `At least ${min} characters. A few unrelated words are easy to remember and hard to guess.`,
    resetSubmit: 'Change the password',
    enterNewPassword: 'Enter a new password.',
    notSame: 'The two passwords are not the same.',
    deadLinkTitle: 'This link does not work any more',
    deadLinkMessage:
      'Password reset links work once, within an hour. Ask for a new one at "Forgot your password?" ' +
      'on the sign-in page.',

    passwordTooShort: (min: number) => `Use at least ${min} characters.`,
    passwordTooLong: (max: number) => `Use at most ${max} characters.`,
    passwordHasEmail: 'Do not use your email address in your password.',
    passwordRepeats: 'Do not repeat one character.',
  },
  {
    vi: {
      title: 'Đăng nhập',
      description:
        'Đăng nhập vào cổng dữ liệu mở: dành cho nhân viên thành phố và nhà phát triển đã có tài khoản.',
      email: 'Địa chỉ email',
      password: 'Mật khẩu',
      submit: 'Đăng nhập',
      forgot: 'Quên mật khẩu?',
      staffHeading: 'Nhân viên thành phố',
      signInWith: (provider: string) => `Đăng nhập bằng ${provider}`,
      noAccountLead: 'Nhà phát triển chưa có tài khoản: ',
      noAccountLink: 'tạo tài khoản',
      noAccountTail: ' để nhận khóa API.',
      backToSignIn: 'Quay lại trang đăng nhập',
      passwordChanged: 'Mật khẩu của bạn đã được đổi. Hãy đăng nhập bằng mật khẩu mới.',

      errorPrefix: 'Lỗi: ',
      fixFollowing: 'Vui lòng sửa các mục sau:',
      formExpired: 'Biểu mẫu thiếu mã bảo mật hoặc đã hết hạn; hãy tải lại trang và gửi lại biểu mẫu.',
      enterEmail: 'Hãy nhập địa chỉ email của bạn.',
      emailLike: 'Hãy nhập một địa chỉ email như ten@example.org.',
      enterPassword: 'Hãy nhập mật khẩu của bạn.',
      invalidCredentials:
        'Địa chỉ email hoặc mật khẩu không đúng. Hãy kiểm tra cả hai, hoặc đặt lại mật khẩu của bạn.',
      locked: (until: string) =>
        `Đăng nhập sai quá nhiều lần: tài khoản này tạm thời không thể đăng nhập cho đến ${until}. ` +
        'Hãy chờ đến lúc đó, hoặc đặt lại mật khẩu qua email.',
      suspended: (until: string | undefined) =>
        `Tài khoản này đã bị tạm ngưng${until ? ` cho đến ${until}` : ''} hoặc đã bị đóng. Thông báo gửi đến ` +
        'địa chỉ email của tài khoản cho biết lý do và cách yêu cầu xem xét lại.',

      forgotTitle: 'Đặt lại mật khẩu',
      forgotIntro:
        'Hãy cho biết địa chỉ email của tài khoản. Chúng tôi sẽ gửi một đường liên kết để bạn chọn mật khẩu mới.',
      forgotSubmit: 'Gửi đường liên kết',
      forgotEmailError: 'Hãy nhập địa chỉ email của tài khoản, ví dụ ten@example.org.',
      sentTitle: 'Hãy kiểm tra email',
      sentBody: (email: string) =>
        `Nếu có tài khoản với địa chỉ ${email}, chúng tôi đã gửi đến đó một đường liên kết để chọn mật khẩu mới. ` +
        'Đường liên kết chỉ dùng được một lần, trong vòng một giờ tới.',
      sentLead: 'Vài phút sau vẫn chưa nhận được thư? Hãy xem thư mục thư rác, hoặc ',
      sentAskAgain: 'yêu cầu lại',
      sentTail: '.',

      resetTitle: 'Chọn mật khẩu mới',
      newPassword: 'Mật khẩu mới',
      newPasswordAgain: 'Nhập lại mật khẩu mới',
      forAccount: (email: string) =>
        `Cho tài khoản ${email}. Khi bạn đổi mật khẩu, các phiên đăng nhập ở nơi khác sẽ kết thúc.`,
      passwordHint: (min: number) =>
        `Ít nhất ${min} ký tự. Vài từ không liên quan đến nhau vừa dễ nhớ vừa khó đoán.`,
      resetSubmit: 'Đổi mật khẩu',
      enterNewPassword: 'Hãy nhập mật khẩu mới.',
      notSame: 'Hai mật khẩu không giống nhau.',
      deadLinkTitle: 'Đường liên kết này không còn dùng được',
      deadLinkMessage:
        'Đường liên kết đặt lại mật khẩu chỉ dùng được một lần, trong vòng một giờ. Hãy yêu cầu đường liên kết ' +
        'mới tại mục "Quên mật khẩu?" trên trang đăng nhập.',

      passwordTooShort: (min: number) => `Hãy dùng ít nhất ${min} ký tự.`,
      passwordTooLong: (max: number) => `Hãy dùng tối đa ${max} ký tự.`,
      passwordHasEmail: 'Đừng dùng địa chỉ email trong mật khẩu.',
      passwordRepeats: 'Đừng dùng một ký tự lặp đi lặp lại.',
    },
    es: {
      title: 'Iniciar sesión',
      description:
        'Inicie sesión en el portal de datos abiertos: personal de la ciudad y desarrolladores con una cuenta.',
      email: 'Correo electrónico',
      password: 'Contraseña',
      submit: 'Iniciar sesión',
      forgot: '¿Olvidó su contraseña?',
      staffHeading: 'Personal de la ciudad',
      signInWith: (provider: string) => `Iniciar sesión con ${provider}`,
      noAccountLead: 'Desarrolladores sin cuenta: ',
      noAccountLink: 'cree una',
      noAccountTail: ' para obtener una clave de API.',
      backToSignIn: 'Volver a iniciar sesión',
      passwordChanged: 'Su contraseña se cambió. Inicie sesión con la nueva.',

      errorPrefix: 'Error: ',
      fixFollowing: 'Corrija lo siguiente:',
      formExpired:
        'Al formulario le falta su código de seguridad o este venció; vuelva a cargar la página y envíe el formulario de nuevo.',
      enterEmail: 'Escriba su correo electrónico.',
      emailLike: 'Escriba un correo electrónico como nombre@example.org.',
      enterPassword: 'Escriba su contraseña.',
      invalidCredentials:
        'El correo electrónico o la contraseña no son correctos. Revise ambos o restablezca su contraseña.',
      locked: (until: string) =>
        `Demasiados intentos fallidos: el inicio de sesión en esta cuenta está en pausa hasta ${until}. ` +
        'Espere hasta entonces o restablezca su contraseña por correo electrónico.',
      suspended: (until: string | undefined) =>
        `Esta cuenta está suspendida${until ? ` hasta ${until}` : ''} o cerrada. El aviso enviado a su correo ` +
        'electrónico explica por qué y cómo pedir una revisión.',

      forgotTitle: 'Restablecer su contraseña',
      forgotIntro:
        'Indique el correo electrónico de su cuenta. Le enviaremos un enlace para elegir una nueva contraseña.',
      forgotSubmit: 'Enviar el enlace',
      forgotEmailError: 'Escriba el correo electrónico de su cuenta, como nombre@example.org.',
      sentTitle: 'Revise su correo electrónico',
      sentBody: (email: string) =>
        `Si existe una cuenta para ${email}, le enviamos un enlace para elegir una nueva contraseña. ` +
        'El enlace funciona una sola vez, durante la próxima hora.',
      sentLead: '¿No recibió nada después de unos minutos? Revise la carpeta de correo no deseado, o ',
      sentAskAgain: 'pídalo de nuevo',
      sentTail: '.',

      resetTitle: 'Elija una nueva contraseña',
      newPassword: 'Nueva contraseña',
      newPasswordAgain: 'Repita la nueva contraseña',
      forAccount: (email: string) =>
        `Para la cuenta ${email}. Al cambiarla, se cierran las sesiones abiertas en otros lugares.`,
      passwordHint: (min: number) =>
        `Al menos ${min} caracteres. Unas cuantas palabras sin relación entre sí son fáciles de recordar y difíciles de adivinar.`,
      resetSubmit: 'Cambiar la contraseña',
      enterNewPassword: 'Escriba una nueva contraseña.',
      notSame: 'Las dos contraseñas no son iguales.',
      deadLinkTitle: 'Este enlace ya no funciona',
      deadLinkMessage:
        'Los enlaces para restablecer la contraseña funcionan una sola vez, durante una hora. Pida uno nuevo en ' +
        '"¿Olvidó su contraseña?" en la página de inicio de sesión.',

      passwordTooShort: (min: number) => `Use al menos ${min} caracteres.`,
      passwordTooLong: (max: number) => `Use como máximo ${max} caracteres.`,
      passwordHasEmail: 'No use su correo electrónico en la contraseña.',
      passwordRepeats: 'No repita un mismo carácter en toda la contraseña.',
    },
  },
);
