/**
 * Interface strings of a developer's access requests: the form, their list and one request (part of
 * `t.account`). The English problems say what the service says (lowercase, after the field's label).
 */
import { defineMessages } from '../define.js';
import { TIER_NAMES } from './account-keys.js';

const vi = (tier: string) => (TIER_NAMES.vi[tier] ?? String(tier)).toLowerCase();
const es = (tier: string) => (TIER_NAMES.es[tier] ?? String(tier)).toLowerCase();

export const accountRequests = defineMessages(
  {
    reqStatus: (status: string) =>
      ({ pending: 'Pending', approved: 'Approved', denied: 'Denied', withdrawn: 'Withdrawn' })[status] ??
      status,
    reqApprovedLimited: 'Approved, limited',
    reqTierSubject: (tier: string) => `The ${tier} tier`,
    reqCaption: 'Your access requests',
    reqColAskedFor: 'Asked for',
    reqColAskedOn: 'Asked on',
    reqColStatus: 'Status',
    reqColDecision: 'Decision',
    reqUntil: (date: string) => `Until ${date}`,
    reqNoEndDate: 'No end date',
    reqSectionTitle: 'Access requests',
    reqNone:
      'You have not asked for access yet. Restricted datasets have a “Request access” button on their page.',
    reqAskTier: 'Ask for a higher rate-limit tier',
    reqMineTitle: 'Your access requests',

    reqFormDatasetTitle: (title: string) => `Request access to ${title}`,
    reqFormTierTitle: 'Ask for a higher tier',
    reqDatasetLead: 'The data of ',
    reqDatasetTail: (department: string) =>
      ` is restricted. ${department} decides who reads it. Say why you need it and how you will use it: ` +
      'the stewards read this before deciding.',
    reqTierIntro: (tier: string) =>
      `Your account has the ${tier} tier. A higher tier allows more requests and downloads; the portal's ` +
      'administrators decide.',
    reqPendingLead: 'You already have a ',
    reqPendingLink: 'pending request',
    reqPendingTail: ' for this. Wait for its decision, or withdraw it before asking again.',
    reqPurpose: 'Purpose',
    reqIntendedUse: 'Intended use',
    reqTier: 'Tier',
    reqDataset: 'Dataset',
    reqPurposeHint: (min: number, max: number) =>
      `Why you need it: the project, the question, who it serves. ${min} to ${max} characters.`,
    reqUseHint: (min: number, max: number) =>
      `What you will do with the data: who sees it, whether you publish results, how long you keep it. ${min} to ${max} characters.`,
    reqSend: 'Send the request',
    reqWriteAtLeast: (n: number) => `write at least ${n} characters`,
    reqWriteAtMost: (n: number) => `write at most ${n} characters`,
    reqAskForTier: 'ask for elevated or partner',
    reqDatasetOrTier: 'ask either for a dataset or for a tier',

    reqNextSteps: 'What you can do next',
    reqRequester: 'Requester',
    reqRequesterTier: (tier: string) => `${tier} tier`,
    reqWhoDecides: 'Who decides',
    reqAdmins: "The portal's administrators",
    reqBy: (name: string) => `, by ${name}`,
    reqYou: 'you',
    reqByAdmins: 'the portal administrators',
    reqAccess: 'Access',
    reqTheDataset: 'The dataset',
    reqUntilEndOf: (date: string) => `, until the end of ${date}`,
    reqNoEnd: ', with no end date',
    reqReason: 'Reason',
    reqNote: 'Note',
    reqPageTitle: (subject: string) => `Access request: ${subject}`,
    reqWithdraw: 'Withdraw this request',
    reqSentTo: (department: string | undefined) =>
      `Your request was sent to ${department ?? "the portal's administrators"}. You will hear by email when it is decided.`,
    reqWithdrew: 'You withdrew this request.',

    reqErrNothing: 'Nothing to do',
    reqErrFailed: 'That did not work',
    reqNotFound: (id: string) => `No access request "${id}" of yours.`,
    reqDuplicate: (id: string) =>
      `You already have a pending request for this (${id}); wait for its decision or withdraw it first.`,
    reqPublic: (id: string) => `"${id}" is public: everyone reads it without asking.`,
    reqAlreadyReads: (id: string) => `You already read "${id}".`,
    reqHasTier: (tier: string) => `Your account already has the ${tier} tier.`,
    reqDevelopersOnly:
      'Access requests are made by developer accounts; staff read restricted data through their role.',
    reqNotPending: (status: string) => `This request is ${String(status).toLowerCase()}, no longer pending.`,
  },
  {
    vi: {
      reqStatus: (status: string) =>
        ({ pending: 'Đang chờ', approved: 'Đã chấp thuận', denied: 'Bị từ chối', withdrawn: 'Đã rút lại' })[
          status
        ] ?? status,
      reqApprovedLimited: 'Chấp thuận có giới hạn',
      reqTierSubject: (tier: string) => `Hạng ${vi(tier)}`,
      reqCaption: 'Các yêu cầu truy cập của bạn',
      reqColAskedFor: 'Nội dung yêu cầu',
      reqColAskedOn: 'Ngày yêu cầu',
      reqColStatus: 'Trạng thái',
      reqColDecision: 'Quyết định',
      reqUntil: (date: string) => `Đến ${date}`,
      reqNoEndDate: 'Không có ngày kết thúc',
      reqSectionTitle: 'Yêu cầu truy cập',
      reqNone:
        'Bạn chưa yêu cầu quyền truy cập nào. Trang của mỗi bộ dữ liệu bị hạn chế có nút để yêu cầu quyền truy cập.',
      reqAskTier: 'Xin hạng giới hạn truy cập cao hơn',
      reqMineTitle: 'Các yêu cầu truy cập của bạn',

      reqFormDatasetTitle: (title: string) => `Yêu cầu quyền truy cập ${title}`,
      reqFormTierTitle: 'Xin hạng cao hơn',
      reqDatasetLead: 'Dữ liệu của ',
      reqDatasetTail: (department: string) =>
        ` bị hạn chế. ${department} quyết định ai được đọc. Hãy cho biết vì sao bạn cần và bạn sẽ dùng dữ liệu ` +
        'như thế nào: người quản lý dữ liệu sẽ đọc nội dung này trước khi quyết định.',
      reqTierIntro: (tier: string) =>
        `Tài khoản của bạn đang ở hạng ${vi(tier)}. Hạng cao hơn cho phép nhiều yêu cầu và lượt tải xuống hơn; ` +
        'quản trị viên của cổng dữ liệu sẽ quyết định.',
      reqPendingLead: 'Bạn đã có một ',
      reqPendingLink: 'yêu cầu đang chờ',
      reqPendingTail: ' cho nội dung này. Hãy chờ quyết định, hoặc rút yêu cầu đó trước khi yêu cầu lại.',
      reqPurpose: 'Mục đích',
      reqIntendedUse: 'Cách sử dụng dự kiến',
      reqTier: 'Hạng',
      reqDataset: 'Bộ dữ liệu',
      reqPurposeHint: (min: number, max: number) =>
        `Vì sao bạn cần: dự án, câu hỏi cần trả lời, ai được hưởng lợi. Từ ${min} đến ${max} ký tự.`,
      reqUseHint: (min: number, max: number) =>
        `Bạn sẽ làm gì với dữ liệu: ai được xem, bạn có công bố kết quả không, bạn giữ dữ liệu trong bao lâu. Từ ${min} đến ${max} ký tự.`,
      reqSend: 'Gửi yêu cầu',
      reqWriteAtLeast: (n: number) => `hãy viết ít nhất ${n} ký tự`,
      reqWriteAtMost: (n: number) => `hãy viết tối đa ${n} ký tự`,
      reqAskForTier: `hãy chọn hạng ${vi('elevated')} hoặc ${vi('partner')}`,
      reqDatasetOrTier: 'hãy yêu cầu một bộ dữ liệu hoặc một hạng',

      reqNextSteps: 'Bạn có thể làm gì tiếp theo',
      reqRequester: 'Người yêu cầu',
      reqRequesterTier: (tier: string) => `hạng ${vi(tier)}`,
      reqWhoDecides: 'Bên quyết định',
      reqAdmins: 'Quản trị viên của cổng dữ liệu',
      reqBy: (name: string) => `, bởi ${name}`,
      reqYou: 'bạn',
      reqByAdmins: 'quản trị viên của cổng dữ liệu',
      reqAccess: 'Quyền truy cập',
      reqTheDataset: 'Bộ dữ liệu',
      reqUntilEndOf: (date: string) => `, đến hết ngày ${date}`,
      reqNoEnd: ', không có ngày kết thúc',
      reqReason: 'Lý do',
      reqNote: 'Ghi chú',
      reqPageTitle: (subject: string) => `Yêu cầu truy cập: ${subject}`,
      reqWithdraw: 'Rút lại yêu cầu này',
      reqSentTo: (department: string | undefined) =>
        `Yêu cầu của bạn đã được gửi đến ${department ?? 'quản trị viên của cổng dữ liệu'}. Bạn sẽ nhận được email khi có quyết định.`,
      reqWithdrew: 'Bạn đã rút lại yêu cầu này.',

      reqErrNothing: 'Không có gì để làm',
      reqErrFailed: 'Không thực hiện được',
      reqNotFound: (id: string) => `Bạn không có yêu cầu truy cập "${id}".`,
      reqDuplicate: (id: string) =>
        `Bạn đã có một yêu cầu đang chờ cho nội dung này (${id}); hãy chờ quyết định hoặc rút yêu cầu đó trước.`,
      reqPublic: (id: string) => `"${id}" là dữ liệu công khai: ai cũng đọc được mà không cần yêu cầu.`,
      reqAlreadyReads: (id: string) => `Bạn đã có quyền đọc "${id}".`,
      reqHasTier: (tier: string) => `Tài khoản của bạn đã ở hạng ${vi(tier)}.`,
      reqDevelopersOnly:
        'Yêu cầu truy cập dành cho tài khoản nhà phát triển; nhân viên đọc dữ liệu bị hạn chế theo vai trò của mình.',
      reqNotPending: (status: string) => `Yêu cầu này ${String(status).toLowerCase()}, không còn đang chờ.`,
    },
    es: {
      reqStatus: (status: string) =>
        ({ pending: 'Pendiente', approved: 'Aprobada', denied: 'Denegada', withdrawn: 'Retirada' })[status] ??
        status,
      reqApprovedLimited: 'Aprobada con límites',
      reqTierSubject: (tier: string) => `El nivel ${es(tier)}`,
      reqCaption: 'Sus solicitudes de acceso',
      reqColAskedFor: 'Qué pidió',
      reqColAskedOn: 'Fecha de solicitud',
      reqColStatus: 'Estado',
      reqColDecision: 'Decisión',
      reqUntil: (date: string) => `Hasta el ${date}`,
      reqNoEndDate: 'Sin fecha de fin',
      reqSectionTitle: 'Solicitudes de acceso',
      reqNone:
        'Todavía no ha pedido acceso. La página de cada conjunto de datos restringido tiene un botón para solicitar acceso.',
      reqAskTier: 'Pedir un nivel de límite de uso más alto',
      reqMineTitle: 'Sus solicitudes de acceso',

      reqFormDatasetTitle: (title: string) => `Solicitar acceso a ${title}`,
      reqFormTierTitle: 'Pedir un nivel más alto',
      reqDatasetLead: 'Los datos de ',
      reqDatasetTail: (department: string) =>
        ` son de acceso restringido. ${department} decide quién puede leerlos. Explique por qué los necesita y ` +
        'cómo los usará: los responsables de los datos leen esto antes de decidir.',
      reqTierIntro: (tier: string) =>
        `Su cuenta tiene el nivel ${es(tier)}. Un nivel más alto permite más solicitudes y descargas; ` +
        'deciden los administradores del portal.',
      reqPendingLead: 'Ya tiene una ',
      reqPendingLink: 'solicitud pendiente',
      reqPendingTail: ' para esto. Espere la decisión o retírela antes de volver a pedirlo.',
      reqPurpose: 'Propósito',
      reqIntendedUse: 'Uso previsto',
      reqTier: 'Nivel',
      reqDataset: 'Conjunto de datos',
      reqPurposeHint: (min: number, max: number) =>
        `Por qué lo necesita: el proyecto, la pregunta, a quién beneficia. De ${min} a ${max} caracteres.`,
      reqUseHint: (min: number, max: number) =>
        `Qué hará con los datos: quién los verá, si publicará resultados, cuánto tiempo los guardará. De ${min} a ${max} caracteres.`,
      reqSend: 'Enviar la solicitud',
      reqWriteAtLeast: (n: number) => `escriba al menos ${n} caracteres`,
      reqWriteAtMost: (n: number) => `escriba como máximo ${n} caracteres`,
      reqAskForTier: `pida el nivel ${es('elevated')} o ${es('partner')}`,
      reqDatasetOrTier: 'pida un conjunto de datos o un nivel',

      reqNextSteps: 'Qué puede hacer ahora',
      reqRequester: 'Solicitante',
      reqRequesterTier: (tier: string) => `nivel ${es(tier)}`,
      reqWhoDecides: 'Quién decide',
      reqAdmins: 'Los administradores del portal',
      reqBy: (name: string) => `, por ${name}`,
      reqYou: 'usted',
      reqByAdmins: 'los administradores del portal',
      reqAccess: 'Acceso',
      reqTheDataset: 'El conjunto de datos',
      reqUntilEndOf: (date: string) => `, hasta el final del ${date}`,
      reqNoEnd: ', sin fecha de fin',
      reqReason: 'Motivo',
      reqNote: 'Nota',
      reqPageTitle: (subject: string) => `Solicitud de acceso: ${subject}`,
      reqWithdraw: 'Retirar esta solicitud',
      reqSentTo: (department: string | undefined) =>
        `Su solicitud se envió a ${department ?? 'los administradores del portal'}. Recibirá un correo electrónico cuando se decida.`,
      reqWithdrew: 'Usted retiró esta solicitud.',

      reqErrNothing: 'No hay nada que hacer',
      reqErrFailed: 'No funcionó',
      reqNotFound: (id: string) => `No tiene ninguna solicitud de acceso "${id}".`,
      reqDuplicate: (id: string) =>
        `Ya tiene una solicitud pendiente para esto (${id}); espere la decisión o retírela primero.`,
      reqPublic: (id: string) => `"${id}" es público: todos pueden leerlo sin pedirlo.`,
      reqAlreadyReads: (id: string) => `Usted ya puede leer "${id}".`,
      reqHasTier: (tier: string) => `Su cuenta ya tiene el nivel ${es(tier)}.`,
      reqDevelopersOnly:
        'Las solicitudes de acceso las hacen las cuentas de desarrollador; el personal lee los datos restringidos según su función.',
      reqNotPending: (status: string) =>
        `Esta solicitud está ${String(status).toLowerCase()}; ya no está pendiente.`,
    },
  },
);
