/** Interface strings of the records desk's public pages (public records requests). */
import { defineMessages } from '../define.js';

export const records = defineMessages(
  {
    // The desk's page and the law in plain words
    title: 'Public records requests',
    titleWithProblems: 'Public records request: check the form',
    description: (city: string) =>
      `Ask the ${city} for public records: the form, the law in plain words, and the public log of requests.`,
    intro: (city: string) =>
      `Anyone may ask the ${city} for the records it keeps: documents, emails, reports, data. You do not need ` +
      'an account, and you do not have to say why you want them.',
    searchFirst: 'Search the datasets already published',
    logLink: 'Public log of requests',
    numbersLink: 'How quickly the City answers',
    askHeading: 'Ask for records',
    askIntro:
      'Describe what you are looking for. While you type, we suggest published datasets that may already have ' +
      'it; you can still send your request.',
    rightsHeading: 'Your rights, in plain words',
    rightsAnswer: (days: number) =>
      `Within ${days} days, the City tells you whether it has records you can have, and when you will get them.`,
    rightsExtension: (days: number) =>
      `In unusual circumstances (records kept elsewhere, a very large volume, consulting another agency, ` +
      `compiling data, an emergency) the City may extend that once, by up to ${days} days, and must tell you ` +
      'in writing why and by when.',
    rightsFees:
      'Searching for and reviewing records is free. You pay only the direct cost of copies; programming or ' +
      'extracting data is charged only in the cases the law allows.',
    rightsHelp:
      'The City must help you: identify the records that answer your request, tell you how and where they are ' +
      'kept, and suggest ways around any obstacle.',
    rightsDenial:
      'If the City withholds a record, it tells you in writing, names the exemption that allows it, and names ' +
      'each person responsible for the decision, with their title.',
    rightsReconsider: (days: number, clerk: string) =>
      `You may ask the ${clerk} to reconsider a denial or a fee within ${days} days.`,
    rightsReconsiderAny: 'You may ask the City Clerk to reconsider a denial or a fee.',
    rightsCourt:
      'The remedy the law gives you is a petition to the superior court; you do not have to ask for a ' +
      'reconsideration first.',
    rightsLaw: 'California Public Records Act, Government Code section 7920.000 and following.',
    afterHeading: 'What happens next',
    afterNumber: 'You get a request number and a private link to follow your request.',
    afterAnswer: (days: number) =>
      `The City answers within ${days} days, or tells you why it needs more time.`,
    afterFollow:
      'Released records, fees and messages appear on your private page (and in your email, if you give one).',
    afterLog:
      'Requests are published in the public log once the City has reviewed them, without your name or contact ' +
      'details.',

    // The form
    problemsTitle: (n: number): string =>
      n === 1 ? 'There is 1 problem with the form' : `There are ${n} problems with the form`,
    optional: '(optional)',
    required: '(required)',
    errorPrefix: 'Error:',
    errorTitle: (title: string) => `Error: ${title}`,
    descriptionLabel: 'Describe the records you want',
    descriptionHint:
      'Be as specific as you can: the subject, dates, places, names, kinds of document. You do not need to know ' +
      'what the records are called.',
    formatLegend: 'How would you like the records?',
    formatHint: 'Electronic copies are usually the quickest and cost the least.',
    formatLabel: (format: string): string =>
      format === 'paper'
        ? 'Paper copies'
        : format === 'inspection'
          ? 'Inspect them in person'
          : 'Electronic copies',
    formatDescription: (format: string): string =>
      format === 'paper'
        ? 'You pay only the direct cost of copying.'
        : format === 'inspection'
          ? 'Look at the records at a City office, at no charge.'
          : 'By email or download, in a format the City keeps them in.',
    departmentLabel: 'Department that may have the records',
    departmentHint:
      'If you are not sure, leave it: the City Clerk sends your request to the right department.',
    departmentUnknown: 'I am not sure',
    contactLegend: 'How to reach you',
    contactHint:
      'All optional: you may ask without giving your name. Give an email address to be told of every update; ' +
      'without one, your private link is the only way to follow your request.',
    nameLabel: 'Your name',
    emailLabel: 'Email address',
    emailHint: 'We send the acknowledgement, each update and the records there.',
    phoneLabel: 'Phone number',
    honeypotLabel: 'Leave this field empty',
    keptLegend: 'Files already attached (untick to remove)',
    attachLabel: 'Attach files',
    attachMoreLabel: 'Attach more files',
    attachHint: (files: number, size: string) =>
      `For example a letter, a photo or a map. Up to ${files} files, ${size} each.`,
    publicNote:
      'Your description may appear in the public log of requests. Your name, email and phone never do. Please ' +
      'do not include private information such as Social Security numbers.',
    checkButton: 'Check for datasets first',
    sendButton: 'Send request',
    suggestHeading: 'Published datasets that may already answer your request',
    suggestIntro: 'They open in a new tab, so that your form stays as it is.',
    suggestNone: 'No published dataset matches your description. Send your request and the City will help.',
    suggestFound: (n: number): string =>
      n === 1
        ? '1 published dataset may answer your request.'
        : `${n} published datasets may answer your request.`,
    suggestFoundOrNone: (n: number): string =>
      n === 0
        ? 'No published dataset matches your description.'
        : n === 1
          ? '1 published dataset may answer your request.'
          : `${n} published datasets may answer your request.`,
    opensNewTab: '(opens in a new tab)',
    errDescription: 'Describe the records you want.',
    errDescriptionShort: (n: number) =>
      `Describe the records in a few more words (at least ${n} characters).`,
    errTooLong: (max: string) => `Shorten this to ${max} characters or fewer.`,
    errEmail: 'Enter an email address like name@example.com, or leave it empty.',
    errPhone: 'Enter a phone number with its digits (at least 7), or leave it empty.',
    errDepartment: 'Choose a department from the list.',
    errFormat: 'Choose how you would like the records.',
    errHoneypot: 'This field must stay empty.',
    errFileTooLarge: (size: string) => `A file was larger than ${size} and was not attached.`,
    errTooManyFiles: (n: number) => `Attach at most ${n} files.`,
    errInvalid: 'The City could not accept this value',

    // A request's status and clock
    statusHeading: 'Status',
    statusLabel: (status: string): string =>
      status === 'extended' ? 'Extended' : status === 'closed' ? 'Closed' : 'Open',
    closedAs: (reason: string): string => {
      switch (reason) {
        case 'fulfilled':
          return 'Closed: records released';
        case 'partially_fulfilled':
          return 'Closed: partly released';
        case 'no_responsive_records':
          return 'Closed: no records found';
        case 'denied':
          return 'Closed: denied';
        case 'withdrawn':
          return 'Closed: withdrawn';
        case 'referred':
          return 'Closed: referred to another agency';
        default:
          return 'Closed';
      }
    },
    deadlineHeading: 'Answer due',
    dueOn: (date: string) => `Due ${date}:`,
    daysLeft: (n: number): string =>
      n > 1
        ? `in ${n} days`
        : n === 1
          ? 'tomorrow'
          : n === 0
            ? 'today'
            : n === -1
              ? '1 day overdue'
              : `${-n} days overdue`,
    closedOn: (date: string) => `Closed ${date},`,
    answeredInTime: (due: string) => `on time (due ${due}).`,
    answeredLate: (due: string) => `after the due date (${due}).`,
    receivedHeading: 'Received',
    receivedOn: (date: string) => `Received ${date}`,
    departmentsHeading: 'Departments',
    notRoutedYet: 'Not yet assigned: the City Clerk routes it',
    formatHeading: 'Format asked for',
    messagesHeading: 'Messages from the City',
    noMessages: 'No messages yet.',
    documentsHeading: 'Records released to you',
    publicDocumentsHeading: 'Records released',
    noDocuments: 'No records released yet.',
    documentKind: (kind: string): string =>
      kind === 'dataset' ? 'dataset' : kind === 'offline' ? 'to see in person' : 'file',
    releasedOn: (date: string) => `Released ${date}`,
    onlyForYou: 'released to you only',
    redactionNote: 'Redactions',

    // The acknowledgement
    filedTitle: (number: string) => `Request ${number} received`,
    filedHeading: 'Your request was received',
    filedNumber: 'Your request number is',
    filedDueExplained: (days: number, cutoff: string, endOfDay: string) =>
      `The law gives the City ${days} days to answer. A request received after ${cutoff} counts from the next ` +
      `day, and a due date on a weekend or City holiday moves to the next business day. The answer is due by ` +
      `${endOfDay}, City time, on that day.`,
    keepHeading: 'Keep this link',
    keepIntro:
      'It is your private page for this request: its status, messages, fees and the records released to you.',
    keepPrivate:
      'Anyone with the link can see your request, so do not share it. We show it in full only here: save it or ' +
      'bookmark it now.',
    filedEmailed: 'We sent an acknowledgement with this link to the email address you gave.',
    filedNoEmail:
      'You gave no email address, so we cannot send you updates: the link above is the only way to follow your ' +
      'request.',
    followButton: 'Go to your private page',

    // The requester's private page
    followTitle: (number: string) => `Request ${number}`,
    followPrivate: 'This is your private page. Anyone with its address can see it: do not share the link.',
    doneWithdrawn: 'Your request is withdrawn. The City has stopped working on it.',
    doneReconsideration: 'Your request for reconsideration was sent to the City Clerk.',
    extensionHeading: 'The City extended the deadline',
    extensionText: (days: number, reason: string, date: string) =>
      `The City took the one extension the law allows, ${days} ${days === 1 ? 'day' : 'days'}, because ${reason}. ` +
      `The new due date is ${date}. Its written notice:`,
    extensionShort: (days: number, reason: string) =>
      `Extended by ${days} ${days === 1 ? 'day' : 'days'} because ${reason}.`,
    unusualCircumstance: (reason: string): string => {
      switch (reason) {
        case 'other_facilities':
          return 'the records are kept at other facilities';
        case 'voluminous':
          return 'a large volume of records must be searched, collected and reviewed';
        case 'consultation':
          return 'another agency or several City departments must be consulted';
        case 'compilation':
          return 'data must be compiled or extracted, or a report programmed';
        case 'emergency':
          return 'a state of emergency was declared';
        default:
          return reason;
      }
    },
    yourRequestHeading: 'Your request',
    yourFilesHeading: 'Files you sent',
    closingHeading: 'How the City closed your request',
    referredTo: (agency: string) => `Sent on to: ${agency}.`,

    // Fees
    feesHeading: 'Fees',
    feesExplained:
      'The City may charge only the direct cost of copies, and programming or data extraction only where the law ' +
      'allows it. Searching for and reviewing records is free.',
    feeKindHeading: 'For',
    feeDescriptionHeading: 'Details',
    feeAmountHeading: 'Amount',
    feeKind: (kind: string): string =>
      kind === 'electronic_copy'
        ? 'Electronic copy'
        : kind === 'programming'
          ? 'Programming or data extraction'
          : 'Copies',
    feeTotal: 'Total',
    paymentHeading: 'Payment',
    paymentStatus: (status: string): string => {
      switch (status) {
        case 'awaiting_payment':
          return 'Waiting for your payment. The City tells you how to pay in its messages.';
        case 'paid':
          return 'Paid. Thank you.';
        case 'waived':
          return 'Waived: nothing to pay.';
        default:
          return 'Nothing to pay.';
      }
    },

    // Denials and reconsideration
    denialFull: 'The City denied your request',
    denialPartial: 'The City withheld part of the records',
    denialOn: (date: string) => `Written notice of ${date}.`,
    exemptionsHeading: 'Exemptions the City relies on',
    responsibleHeading: 'Responsible for this decision',
    personWithTitle: (name: string, title: string): string => (title ? `${name}, ${title}` : name),
    reconsiderHeading: 'If you disagree',
    reconsiderExplained: (clerk: string, days: number) =>
      `You may ask the ${clerk} to reconsider a denial or a fee within ${days} days of the decision. The review ` +
      'has its own written decision.',
    reconsiderBy: (subject: string, date: string): string =>
      subject === 'fee' ? `About the fees: ask by ${date}.` : `About the denial: ask by ${date}.`,
    courtRemedy:
      'The remedy the law gives you is a petition to the superior court to enforce your right to the records ' +
      '(Government Code section 7923.000 and following). You do not have to ask for a reconsideration first.',
    reconsiderationOf: (subject: string): string =>
      subject === 'fee' ? 'Reconsideration of the fees' : 'Reconsideration of the denial',
    askedOn: (date: string) => `asked ${date}`,
    reconsiderationDecision: (decision: string): string => {
      switch (decision) {
        case 'upheld':
          return 'decision kept';
        case 'reversed':
          return 'decision reversed';
        case 'modified':
          return 'decision changed';
        default:
          return 'waiting for the Clerk';
      }
    },
    decidedOn: (date: string) => `Decided ${date}`,
    reconsiderFormHeading: 'Ask for a reconsideration',
    reconsiderSubjectLegend: 'What should the Clerk reconsider?',
    reconsiderReasonFor: (subject: string): string =>
      subject === 'fee' ? 'Why should the fees be reconsidered?' : 'Why should the denial be reconsidered?',
    reconsiderReasonLabel: 'Why should it be reconsidered?',
    reconsiderReasonHint: 'Say what you think is wrong, and anything the City may not know.',
    reconsiderButton: 'Send to the City Clerk',
    errSubject: 'Choose what should be reconsidered.',
    errReason: 'Say why it should be reconsidered.',
    errLate: 'The period to ask for a reconsideration has ended. You may still petition the superior court.',
    errClosed: 'This request is closed: nothing more can be asked on it.',
    errPending: 'A reconsideration of this is already waiting for the Clerk.',
    errNothing: 'There is nothing to reconsider on this request.',

    // Withdrawing
    withdrawHeading: 'Withdraw your request',
    withdrawExplained:
      'If you no longer need the records, withdraw the request and the City stops working on it.',
    withdrawConfirm: 'Yes, withdraw my request. I understand that the City will stop working on it.',
    withdrawButton: 'Withdraw request',
    errConfirmWithdraw: 'Tick the box to confirm that you want to withdraw your request.',

    // The public log
    logTitle: 'Public log of records requests',
    logTitlePage: (page: number) => `Public log of records requests, page ${page}`,
    logDescription: 'Records requests made to the City, what was asked and how the City answered.',
    logIntro:
      'Requests made to the City and published after review: what was asked, which departments answer, and what ' +
      'was released. Who asked is never shown.',
    logSearchLabel: 'Words in the request',
    anyStatus: 'Any status',
    departmentFilter: 'Department',
    anyDepartment: 'Any department',
    receivedFrom: 'Received from',
    receivedTo: 'Received until',
    logSearchButton: 'Search the log',
    clearFilters: 'Clear the search',
    requestNumber: (number: string) => `Request ${number}`,
    logCount: (n: number, shown: string): string => (n === 1 ? '1 request' : `${shown} requests`),
    logNone: 'No request is published yet.',
    logNoneFiltered: 'No published request matches this search.',
    logCsv: 'Download the log as CSV',
    entryDescription: (number: string) =>
      `Public records request ${number}: what was asked and what was released.`,
    requestHeading: 'What was asked',
    linkedDatasetsHeading: 'Datasets published from this request',
    backToLog: 'Back to the public log',

    // The numbers
    numbersTitle: 'How quickly the City answers records requests',
    numbersDescription: 'On-time rate, days to close, and open and overdue records requests by department.',
    numbersIntro: (days: number, extended: number) =>
      `The law gives the City ${days} days to answer a request, or ${extended} with its one extension.`,
    numbersOverall: 'All requests',
    onTimeRate: 'answered on time',
    medianDays: 'median time to close',
    openRequests: 'requests open',
    overdueRequests: 'requests overdue',
    days: (n: number, shown: string): string => (n === 1 ? '1 day' : `${shown} days`),
    noneYet: 'none yet',
    byDepartmentHeading: 'By department',
    noRequestsYet: 'No request has been made yet.',
    departmentColumn: 'Department',
    unassigned: 'Not yet assigned',
    openColumn: 'Open',
    overdueColumn: 'Overdue',
    closedColumn: 'Closed',
    onTimeColumn: 'On time',
    numbersExplained:
      'On time: closed by the due date, extension included. Time to close: calendar days from receipt to the ' +
      'answer. The figures count every request, published or not.',

    // Errors
    notFoundTitle: 'Request not found',
    notFoundMessage:
      'There is no request at this address. Check that the link is complete, as it was in your email or on your ' +
      'acknowledgement.',
    formExpiredTitle: 'The form expired',
    formExpired:
      'The form was open too long or came from elsewhere. Nothing was sent: go back and send it again.',
    tooLargeTitle: 'Too large',
    tooLarge:
      'What was sent is larger than the City accepts. Nothing was sent: go back and attach smaller files.',
    notAllowedTitle: 'Not allowed',
    cannotTitle: 'That could not be done',
    backToForm: 'Public records requests',
  },
  {
    vi: {
      title: 'Yêu cầu hồ sơ công khai',
      titleWithProblems: 'Yêu cầu hồ sơ công khai: vui lòng kiểm tra mẫu đơn',
      description: (city: string) =>
        `Yêu cầu ${city} cung cấp hồ sơ công khai: mẫu đơn, luật giải thích bằng lời dễ hiểu, và sổ công khai các yêu cầu.`,
      intro: (city: string) =>
        `Bất kỳ ai cũng có thể yêu cầu ${city} cung cấp hồ sơ mà thành phố lưu giữ: văn bản, email, báo cáo, dữ liệu. ` +
        'Quý vị không cần tài khoản và không phải cho biết lý do.',
      searchFirst: 'Tìm trong các bộ dữ liệu đã công bố',
      logLink: 'Sổ công khai các yêu cầu',
      numbersLink: 'Thành phố trả lời nhanh đến mức nào',
      askHeading: 'Yêu cầu hồ sơ',
      askIntro:
        'Hãy mô tả điều quý vị đang tìm. Trong khi quý vị gõ, chúng tôi gợi ý các bộ dữ liệu đã công bố có thể đã có ' +
        'thông tin đó; quý vị vẫn có thể gửi yêu cầu.',
      rightsHeading: 'Quyền của quý vị, nói một cách dễ hiểu',
      rightsAnswer: (days: number) =>
        `Trong vòng ${days} ngày, Thành phố cho quý vị biết có hồ sơ nào quý vị được nhận không, và khi nào quý vị sẽ nhận được.`,
      rightsExtension: (days: number) =>
        'Trong trường hợp đặc biệt (hồ sơ lưu ở nơi khác, khối lượng rất lớn, cần tham khảo cơ quan khác, cần tổng hợp ' +
        `dữ liệu, tình trạng khẩn cấp), Thành phố có thể gia hạn một lần, tối đa ${days} ngày, và phải thông báo bằng ` +
        'văn bản lý do và thời hạn mới.',
      rightsFees:
        'Việc tìm kiếm và xem xét hồ sơ là miễn phí. Quý vị chỉ trả chi phí trực tiếp của bản sao; việc lập trình hoặc ' +
        'trích xuất dữ liệu chỉ bị tính phí trong những trường hợp luật cho phép.',
      rightsHelp:
        'Thành phố có nghĩa vụ giúp quý vị: xác định các hồ sơ đáp ứng yêu cầu, cho biết hồ sơ được lưu ở đâu và như ' +
        'thế nào, và đề xuất cách vượt qua trở ngại.',
      rightsDenial:
        'Nếu Thành phố giữ lại một hồ sơ, Thành phố phải thông báo bằng văn bản, nêu điều khoản miễn trừ cho phép việc ' +
        'đó, và nêu tên cùng chức danh của từng người chịu trách nhiệm về quyết định.',
      rightsReconsider: (days: number, _clerk: string) =>
        `Quý vị có thể yêu cầu Thư ký Thành phố xem xét lại quyết định từ chối hoặc khoản phí trong vòng ${days} ngày.`,
      rightsReconsiderAny:
        'Quý vị có thể yêu cầu Thư ký Thành phố xem xét lại quyết định từ chối hoặc khoản phí.',
      rightsCourt:
        'Biện pháp pháp lý mà luật dành cho quý vị là nộp đơn khởi kiện lên tòa thượng thẩm; quý vị không bắt buộc ' +
        'phải yêu cầu xem xét lại trước.',
      rightsLaw:
        'Đạo luật Hồ sơ Công khai California, Bộ luật Chính phủ, điều 7920.000 và các điều tiếp theo.',
      afterHeading: 'Các bước tiếp theo',
      afterNumber: 'Quý vị nhận được số yêu cầu và một đường dẫn riêng để theo dõi yêu cầu.',
      afterAnswer: (days: number) =>
        `Thành phố trả lời trong vòng ${days} ngày, hoặc cho biết vì sao cần thêm thời gian.`,
      afterFollow:
        'Hồ sơ được cung cấp, các khoản phí và tin nhắn hiện trên trang riêng của quý vị (và trong email, nếu quý vị cung cấp).',
      afterLog:
        'Sau khi Thành phố xem xét, các yêu cầu được đăng trong sổ công khai, không kèm tên hay thông tin liên lạc của quý vị.',

      problemsTitle: (n: number) => `Mẫu đơn có ${n} vấn đề`,
      optional: '(không bắt buộc)',
      required: '(bắt buộc)',
      errorPrefix: 'Lỗi:',
      errorTitle: (title: string) => `Lỗi: ${title}`,
      descriptionLabel: 'Mô tả các hồ sơ quý vị muốn nhận',
      descriptionHint:
        'Hãy càng cụ thể càng tốt: chủ đề, ngày tháng, địa điểm, tên người, loại văn bản. Quý vị không cần biết tên ' +
        'chính xác của hồ sơ.',
      formatLegend: 'Quý vị muốn nhận hồ sơ dưới hình thức nào?',
      formatHint: 'Bản điện tử thường nhanh nhất và tốn ít chi phí nhất.',
      formatLabel: (format: string) =>
        format === 'paper' ? 'Bản giấy' : format === 'inspection' ? 'Xem trực tiếp' : 'Bản điện tử',
      formatDescription: (format: string) =>
        format === 'paper'
          ? 'Quý vị chỉ trả chi phí trực tiếp của việc sao chụp.'
          : format === 'inspection'
            ? 'Xem hồ sơ tại một văn phòng của Thành phố, miễn phí.'
            : 'Qua email hoặc tải xuống, theo định dạng mà Thành phố đang lưu giữ.',
      departmentLabel: 'Sở ban ngành có thể giữ hồ sơ',
      departmentHint:
        'Nếu không chắc, hãy để trống: Thư ký Thành phố sẽ chuyển yêu cầu đến đúng sở ban ngành.',
      departmentUnknown: 'Tôi không chắc',
      contactLegend: 'Cách liên lạc với quý vị',
      contactHint:
        'Tất cả đều không bắt buộc: quý vị có thể yêu cầu mà không cần cho biết tên. Hãy cung cấp địa chỉ email để được ' +
        'báo mỗi khi có cập nhật; nếu không có email, đường dẫn riêng là cách duy nhất để theo dõi yêu cầu.',
      nameLabel: 'Tên của quý vị',
      emailLabel: 'Địa chỉ email',
      emailHint: 'Chúng tôi gửi giấy xác nhận, mọi cập nhật và hồ sơ đến địa chỉ này.',
      phoneLabel: 'Số điện thoại',
      honeypotLabel: 'Để trống ô này',
      keptLegend: 'Các tệp đã đính kèm (bỏ chọn để gỡ bỏ)',
      attachLabel: 'Đính kèm tệp',
      attachMoreLabel: 'Đính kèm thêm tệp',
      attachHint: (files: number, size: string) =>
        `Ví dụ một lá thư, một bức ảnh hoặc một bản đồ. Tối đa ${files} tệp, mỗi tệp ${size}.`,
      publicNote:
        'Phần mô tả của quý vị có thể xuất hiện trong sổ công khai các yêu cầu. Tên, email và số điện thoại của quý vị ' +
        'thì không bao giờ. Xin đừng ghi thông tin riêng tư như số An sinh Xã hội.',
      checkButton: 'Kiểm tra bộ dữ liệu trước',
      sendButton: 'Gửi yêu cầu',
      suggestHeading: 'Các bộ dữ liệu đã công bố có thể đã trả lời yêu cầu của quý vị',
      suggestIntro: 'Chúng mở trong thẻ mới, để mẫu đơn của quý vị được giữ nguyên.',
      suggestNone:
        'Không có bộ dữ liệu đã công bố nào khớp với mô tả của quý vị. Hãy gửi yêu cầu và Thành phố sẽ giúp quý vị.',
      suggestFound: (n: number) => `${n} bộ dữ liệu đã công bố có thể trả lời yêu cầu của quý vị.`,
      suggestFoundOrNone: (n: number) =>
        n === 0
          ? 'Không có bộ dữ liệu đã công bố nào khớp với mô tả của quý vị.'
          : `${n} bộ dữ liệu đã công bố có thể trả lời yêu cầu của quý vị.`,
      opensNewTab: '(mở trong thẻ mới)',
      errDescription: 'Hãy mô tả các hồ sơ quý vị muốn nhận.',
      errDescriptionShort: (n: number) => `Hãy mô tả hồ sơ chi tiết hơn một chút (ít nhất ${n} ký tự).`,
      errTooLong: (max: string) => `Hãy rút ngắn xuống còn tối đa ${max} ký tự.`,
      errEmail: 'Hãy nhập địa chỉ email như ten@example.com, hoặc để trống.',
      errPhone: 'Hãy nhập số điện thoại với các chữ số (ít nhất 7), hoặc để trống.',
      errDepartment: 'Hãy chọn một sở ban ngành trong danh sách.',
      errFormat: 'Hãy chọn hình thức quý vị muốn nhận hồ sơ.',
      errHoneypot: 'Ô này phải để trống.',
      errFileTooLarge: (size: string) => `Một tệp lớn hơn ${size} nên không được đính kèm.`,
      errTooManyFiles: (n: number) => `Chỉ đính kèm tối đa ${n} tệp.`,
      errInvalid: 'Thành phố không thể chấp nhận giá trị này',

      statusHeading: 'Tình trạng',
      statusLabel: (status: string) =>
        status === 'extended' ? 'Đã gia hạn' : status === 'closed' ? 'Đã đóng' : 'Đang xử lý',
      closedAs: (reason: string) => {
        switch (reason) {
          case 'fulfilled':
            return 'Đã đóng: đã cung cấp hồ sơ';
          case 'partially_fulfilled':
            return 'Đã đóng: cung cấp một phần';
          case 'no_responsive_records':
            return 'Đã đóng: không tìm thấy hồ sơ';
          case 'denied':
            return 'Đã đóng: bị từ chối';
          case 'withdrawn':
            return 'Đã đóng: đã rút lại';
          case 'referred':
            return 'Đã đóng: đã chuyển cho cơ quan khác';
          default:
            return 'Đã đóng';
        }
      },
      deadlineHeading: 'Hạn trả lời',
      dueOn: (date: string) => `Hạn chót ${date}:`,
      daysLeft: (n: number) =>
        n > 1 ? `còn ${n} ngày` : n === 1 ? 'ngày mai' : n === 0 ? 'hôm nay' : `trễ ${-n} ngày`,
      closedOn: (date: string) => `Đã đóng ${date},`,
      answeredInTime: (due: string) => `đúng hạn (hạn chót ${due}).`,
      answeredLate: (due: string) => `sau hạn chót (${due}).`,
      receivedHeading: 'Ngày nhận',
      receivedOn: (date: string) => `Nhận ngày ${date}`,
      departmentsHeading: 'Sở ban ngành',
      notRoutedYet: 'Chưa phân công: Thư ký Thành phố sẽ chuyển yêu cầu',
      formatHeading: 'Hình thức yêu cầu',
      messagesHeading: 'Tin nhắn từ Thành phố',
      noMessages: 'Chưa có tin nhắn nào.',
      documentsHeading: 'Hồ sơ đã cung cấp cho quý vị',
      publicDocumentsHeading: 'Hồ sơ đã cung cấp',
      noDocuments: 'Chưa có hồ sơ nào được cung cấp.',
      documentKind: (kind: string) =>
        kind === 'dataset' ? 'bộ dữ liệu' : kind === 'offline' ? 'xem trực tiếp' : 'tệp',
      releasedOn: (date: string) => `Cung cấp ngày ${date}`,
      onlyForYou: 'chỉ cung cấp cho quý vị',
      redactionNote: 'Phần bị che',

      filedTitle: (number: string) => `Đã nhận yêu cầu ${number}`,
      filedHeading: 'Yêu cầu của quý vị đã được nhận',
      filedNumber: 'Số yêu cầu của quý vị là',
      filedDueExplained: (days: number, cutoff: string, endOfDay: string) =>
        `Luật cho Thành phố ${days} ngày để trả lời. Yêu cầu nhận sau ${cutoff} được tính từ ngày hôm sau, và hạn chót ` +
        'rơi vào cuối tuần hoặc ngày lễ của Thành phố được dời sang ngày làm việc kế tiếp. Câu trả lời phải có trước ' +
        `${endOfDay} (giờ Thành phố) của ngày đó.`,
      keepHeading: 'Hãy giữ đường dẫn này',
      keepIntro:
        'Đây là trang riêng của quý vị cho yêu cầu này: tình trạng, tin nhắn, các khoản phí và hồ sơ được cung cấp cho quý vị.',
      keepPrivate:
        'Bất kỳ ai có đường dẫn đều xem được yêu cầu của quý vị, vì vậy đừng chia sẻ. Chúng tôi chỉ hiển thị đầy đủ ' +
        'đường dẫn tại đây: hãy lưu lại hoặc đánh dấu trang ngay bây giờ.',
      filedEmailed: 'Chúng tôi đã gửi giấy xác nhận kèm đường dẫn này đến địa chỉ email quý vị cung cấp.',
      filedNoEmail:
        'Quý vị không cung cấp địa chỉ email nên chúng tôi không thể gửi cập nhật: đường dẫn trên là cách duy nhất ' +
        'để theo dõi yêu cầu.',
      followButton: 'Đến trang riêng của quý vị',

      followTitle: (number: string) => `Yêu cầu ${number}`,
      followPrivate: 'Đây là trang riêng của quý vị. Ai có địa chỉ này đều xem được: đừng chia sẻ đường dẫn.',
      doneWithdrawn: 'Yêu cầu của quý vị đã được rút lại. Thành phố đã ngừng xử lý.',
      doneReconsideration: 'Yêu cầu xem xét lại của quý vị đã được gửi đến Thư ký Thành phố.',
      extensionHeading: 'Thành phố đã gia hạn thời hạn',
      extensionText: (days: number, reason: string, date: string) =>
        `Thành phố đã dùng lần gia hạn duy nhất mà luật cho phép, ${days} ngày, vì ${reason}. ` +
        `Hạn chót mới là ${date}. Thông báo bằng văn bản:`,
      extensionShort: (days: number, reason: string) => `Đã gia hạn ${days} ngày vì ${reason}.`,
      unusualCircumstance: (reason: string) => {
        switch (reason) {
          case 'other_facilities':
            return 'hồ sơ được lưu giữ ở những nơi khác';
          case 'voluminous':
            return 'phải tìm, thu thập và xem xét một khối lượng hồ sơ lớn';
          case 'consultation':
            return 'cần tham khảo ý kiến một cơ quan khác hoặc nhiều sở ban ngành của Thành phố';
          case 'compilation':
            return 'phải tổng hợp hoặc trích xuất dữ liệu, hoặc lập trình một báo cáo';
          case 'emergency':
            return 'tình trạng khẩn cấp đã được ban bố';
          default:
            return reason;
        }
      },
      yourRequestHeading: 'Yêu cầu của quý vị',
      yourFilesHeading: 'Các tệp quý vị đã gửi',
      closingHeading: 'Cách Thành phố đóng yêu cầu của quý vị',
      referredTo: (agency: string) => `Đã chuyển đến: ${agency}.`,

      feesHeading: 'Lệ phí',
      feesExplained:
        'Thành phố chỉ được tính chi phí trực tiếp của bản sao, và chi phí lập trình hoặc trích xuất dữ liệu chỉ khi luật ' +
        'cho phép. Việc tìm kiếm và xem xét hồ sơ là miễn phí.',
      feeKindHeading: 'Khoản',
      feeDescriptionHeading: 'Chi tiết',
      feeAmountHeading: 'Số tiền',
      feeKind: (kind: string) =>
        kind === 'electronic_copy'
          ? 'Bản điện tử'
          : kind === 'programming'
            ? 'Lập trình hoặc trích xuất dữ liệu'
            : 'Bản sao',
      feeTotal: 'Tổng cộng',
      paymentHeading: 'Thanh toán',
      paymentStatus: (status: string) => {
        switch (status) {
          case 'awaiting_payment':
            return 'Đang chờ quý vị thanh toán. Thành phố sẽ hướng dẫn cách thanh toán trong tin nhắn.';
          case 'paid':
            return 'Đã thanh toán. Xin cảm ơn.';
          case 'waived':
            return 'Được miễn: không phải trả gì.';
          default:
            return 'Không phải trả gì.';
        }
      },

      denialFull: 'Thành phố đã từ chối yêu cầu của quý vị',
      denialPartial: 'Thành phố đã giữ lại một phần hồ sơ',
      denialOn: (date: string) => `Thông báo bằng văn bản ngày ${date}.`,
      exemptionsHeading: 'Các điều khoản miễn trừ Thành phố viện dẫn',
      responsibleHeading: 'Người chịu trách nhiệm về quyết định này',
      personWithTitle: (name: string, title: string) => (title ? `${name}, ${title}` : name),
      reconsiderHeading: 'Nếu quý vị không đồng ý',
      reconsiderExplained: (_clerk: string, days: number) =>
        `Quý vị có thể yêu cầu Thư ký Thành phố xem xét lại quyết định từ chối hoặc khoản phí trong vòng ${days} ngày ` +
        'kể từ ngày quyết định. Việc xem xét lại có quyết định bằng văn bản riêng.',
      reconsiderBy: (subject: string, date: string) =>
        subject === 'fee'
          ? `Về khoản phí: yêu cầu trước ${date}.`
          : `Về quyết định từ chối: yêu cầu trước ${date}.`,
      courtRemedy:
        'Biện pháp pháp lý mà luật dành cho quý vị là nộp đơn lên tòa thượng thẩm để buộc thực thi quyền được nhận hồ sơ ' +
        '(Bộ luật Chính phủ, điều 7923.000 và các điều tiếp theo). Quý vị không bắt buộc phải yêu cầu xem xét lại trước.',
      reconsiderationOf: (subject: string) =>
        subject === 'fee' ? 'Xem xét lại khoản phí' : 'Xem xét lại quyết định từ chối',
      askedOn: (date: string) => `yêu cầu ngày ${date}`,
      reconsiderationDecision: (decision: string) => {
        switch (decision) {
          case 'upheld':
            return 'giữ nguyên quyết định';
          case 'reversed':
            return 'hủy bỏ quyết định';
          case 'modified':
            return 'thay đổi quyết định';
          default:
            return 'đang chờ Thư ký Thành phố';
        }
      },
      decidedOn: (date: string) => `Quyết định ngày ${date}`,
      reconsiderFormHeading: 'Yêu cầu xem xét lại',
      reconsiderSubjectLegend: 'Thư ký Thành phố nên xem xét lại điều gì?',
      reconsiderReasonFor: (subject: string) =>
        subject === 'fee'
          ? 'Vì sao khoản phí nên được xem xét lại?'
          : 'Vì sao quyết định từ chối nên được xem xét lại?',
      reconsiderReasonLabel: 'Vì sao nên xem xét lại?',
      reconsiderReasonHint: 'Hãy nói điều quý vị cho là sai, và bất cứ điều gì Thành phố có thể chưa biết.',
      reconsiderButton: 'Gửi đến Thư ký Thành phố',
      errSubject: 'Hãy chọn điều cần xem xét lại.',
      errReason: 'Hãy cho biết vì sao nên xem xét lại.',
      errLate: 'Thời hạn yêu cầu xem xét lại đã hết. Quý vị vẫn có thể nộp đơn lên tòa thượng thẩm.',
      errClosed: 'Yêu cầu này đã đóng: không thể yêu cầu thêm gì.',
      errPending: 'Đã có một yêu cầu xem xét lại về việc này đang chờ Thư ký Thành phố.',
      errNothing: 'Yêu cầu này không có gì để xem xét lại.',

      withdrawHeading: 'Rút lại yêu cầu',
      withdrawExplained: 'Nếu quý vị không còn cần hồ sơ, hãy rút lại yêu cầu và Thành phố sẽ ngừng xử lý.',
      withdrawConfirm: 'Vâng, tôi rút lại yêu cầu. Tôi hiểu rằng Thành phố sẽ ngừng xử lý yêu cầu này.',
      withdrawButton: 'Rút lại yêu cầu',
      errConfirmWithdraw: 'Hãy đánh dấu ô để xác nhận quý vị muốn rút lại yêu cầu.',

      logTitle: 'Sổ công khai các yêu cầu hồ sơ',
      logTitlePage: (page: number) => `Sổ công khai các yêu cầu hồ sơ, trang ${page}`,
      logDescription: 'Các yêu cầu hồ sơ gửi đến Thành phố, nội dung yêu cầu và cách Thành phố trả lời.',
      logIntro:
        'Các yêu cầu gửi đến Thành phố và được đăng sau khi xem xét: nội dung yêu cầu, sở ban ngành trả lời, và những gì ' +
        'đã được cung cấp. Người yêu cầu không bao giờ được nêu tên.',
      logSearchLabel: 'Từ ngữ trong yêu cầu',
      anyStatus: 'Mọi tình trạng',
      departmentFilter: 'Sở ban ngành',
      anyDepartment: 'Mọi sở ban ngành',
      receivedFrom: 'Nhận từ ngày',
      receivedTo: 'Nhận đến ngày',
      logSearchButton: 'Tìm trong sổ',
      clearFilters: 'Xóa tìm kiếm',
      requestNumber: (number: string) => `Yêu cầu ${number}`,
      logCount: (_n: number, shown: string) => `${shown} yêu cầu`,
      logNone: 'Chưa có yêu cầu nào được đăng.',
      logNoneFiltered: 'Không có yêu cầu đã đăng nào khớp với tìm kiếm này.',
      logCsv: 'Tải sổ xuống dạng CSV',
      entryDescription: (number: string) =>
        `Yêu cầu hồ sơ công khai ${number}: nội dung yêu cầu và những gì đã được cung cấp.`,
      requestHeading: 'Nội dung yêu cầu',
      linkedDatasetsHeading: 'Các bộ dữ liệu được công bố từ yêu cầu này',
      backToLog: 'Trở lại sổ công khai',

      numbersTitle: 'Thành phố trả lời yêu cầu hồ sơ nhanh đến mức nào',
      numbersDescription:
        'Tỷ lệ đúng hạn, số ngày để đóng, và các yêu cầu đang mở và quá hạn theo sở ban ngành.',
      numbersIntro: (days: number, extended: number) =>
        `Luật cho Thành phố ${days} ngày để trả lời một yêu cầu, hoặc ${extended} ngày với lần gia hạn duy nhất.`,
      numbersOverall: 'Tất cả yêu cầu',
      onTimeRate: 'được trả lời đúng hạn',
      medianDays: 'thời gian trung vị để đóng',
      openRequests: 'yêu cầu đang mở',
      overdueRequests: 'yêu cầu quá hạn',
      days: (_n: number, shown: string) => `${shown} ngày`,
      noneYet: 'chưa có',
      byDepartmentHeading: 'Theo sở ban ngành',
      noRequestsYet: 'Chưa có yêu cầu nào.',
      departmentColumn: 'Sở ban ngành',
      unassigned: 'Chưa phân công',
      openColumn: 'Đang mở',
      overdueColumn: 'Quá hạn',
      closedColumn: 'Đã đóng',
      onTimeColumn: 'Đúng hạn',
      numbersExplained:
        'Đúng hạn: đóng trước hạn chót, kể cả khi gia hạn. Thời gian để đóng: số ngày theo lịch từ khi nhận đến khi ' +
        'trả lời. Số liệu tính mọi yêu cầu, dù đã đăng hay chưa.',

      notFoundTitle: 'Không tìm thấy yêu cầu',
      notFoundMessage:
        'Không có yêu cầu nào tại địa chỉ này. Hãy kiểm tra xem đường dẫn có đầy đủ như trong email hoặc giấy xác nhận không.',
      formExpiredTitle: 'Mẫu đơn đã hết hạn',
      formExpired:
        'Mẫu đơn đã mở quá lâu hoặc được gửi từ nơi khác. Chưa có gì được gửi: hãy quay lại và gửi lại.',
      tooLargeTitle: 'Quá lớn',
      tooLarge:
        'Nội dung gửi lớn hơn mức Thành phố chấp nhận. Chưa có gì được gửi: hãy quay lại và đính kèm tệp nhỏ hơn.',
      notAllowedTitle: 'Không được phép',
      cannotTitle: 'Không thể thực hiện',
      backToForm: 'Yêu cầu hồ sơ công khai',
    },
    es: {
      title: 'Solicitudes de registros públicos',
      titleWithProblems: 'Solicitud de registros públicos: revise el formulario',
      description: (city: string) =>
        `Pida registros públicos a ${city}: el formulario, la ley en palabras sencillas y el registro público de solicitudes.`,
      intro: (city: string) =>
        `Cualquier persona puede pedir a ${city} los registros que guarda: documentos, correos electrónicos, informes, ` +
        'datos. No necesita una cuenta y no tiene que decir para qué los quiere.',
      searchFirst: 'Buscar en los conjuntos de datos ya publicados',
      logLink: 'Registro público de solicitudes',
      numbersLink: 'Qué tan rápido responde la Ciudad',
      askHeading: 'Pedir registros',
      askIntro:
        'Describa lo que busca. Mientras escribe, le sugerimos conjuntos de datos publicados que tal vez ya lo tengan; ' +
        'de todos modos puede enviar su solicitud.',
      rightsHeading: 'Sus derechos, en palabras sencillas',
      rightsAnswer: (days: number) =>
        `En un plazo de ${days} días, la Ciudad le dice si tiene registros que usted puede recibir y cuándo los recibirá.`,
      rightsExtension: (days: number) =>
        'En circunstancias excepcionales (registros guardados en otro lugar, un volumen muy grande, consultas con otra ' +
        `agencia, recopilación de datos, una emergencia) la Ciudad puede prorrogar ese plazo una sola vez, hasta ${days} ` +
        'días, y debe decirle por escrito el motivo y la nueva fecha.',
      rightsFees:
        'Buscar y revisar registros es gratis. Usted paga solo el costo directo de las copias; la programación o la ' +
        'extracción de datos se cobran solo en los casos que la ley permite.',
      rightsHelp:
        'La Ciudad debe ayudarle: identificar los registros que responden a su solicitud, decirle cómo y dónde se ' +
        'guardan, y sugerir maneras de superar cualquier obstáculo.',
      rightsDenial:
        'Si la Ciudad retiene un registro, se lo dice por escrito, cita la exención que lo permite y nombra a cada ' +
        'persona responsable de la decisión, con su cargo.',
      rightsReconsider: (days: number, _clerk: string) =>
        `Puede pedir a la Secretaría Municipal que reconsidere una denegación o un cobro dentro de ${days} días.`,
      rightsReconsiderAny: 'Puede pedir a la Secretaría Municipal que reconsidere una denegación o un cobro.',
      rightsCourt:
        'El recurso que le da la ley es una petición ante el tribunal superior; no tiene que pedir una reconsideración ' +
        'primero.',
      rightsLaw:
        'Ley de Registros Públicos de California, Código de Gobierno, sección 7920.000 y siguientes.',
      afterHeading: 'Qué pasa después',
      afterNumber: 'Recibe un número de solicitud y un enlace privado para darle seguimiento.',
      afterAnswer: (days: number) =>
        `La Ciudad responde en un plazo de ${days} días, o le explica por qué necesita más tiempo.`,
      afterFollow:
        'Los registros entregados, los cobros y los mensajes aparecen en su página privada (y en su correo, si nos lo da).',
      afterLog:
        'Una vez revisadas por la Ciudad, las solicitudes se publican en el registro público, sin su nombre ni sus ' +
        'datos de contacto.',

      problemsTitle: (n: number) =>
        n === 1 ? 'El formulario tiene 1 problema' : `El formulario tiene ${n} problemas`,
      optional: '(opcional)',
      required: '(obligatorio)',
      errorPrefix: 'Error:',
      errorTitle: (title: string) => `Error: ${title}`,
      descriptionLabel: 'Describa los registros que quiere',
      descriptionHint:
        'Sea lo más específico posible: el tema, las fechas, los lugares, los nombres, el tipo de documento. No necesita ' +
        'saber cómo se llaman los registros.',
      formatLegend: '¿Cómo quiere recibir los registros?',
      formatHint: 'Las copias electrónicas suelen ser las más rápidas y las que menos cuestan.',
      formatLabel: (format: string) =>
        format === 'paper'
          ? 'Copias en papel'
          : format === 'inspection'
            ? 'Revisarlos en persona'
            : 'Copias electrónicas',
      formatDescription: (format: string) =>
        format === 'paper'
          ? 'Paga solo el costo directo de las copias.'
          : format === 'inspection'
            ? 'Vea los registros en una oficina de la Ciudad, sin costo.'
            : 'Por correo electrónico o descarga, en un formato en que la Ciudad los guarda.',
      departmentLabel: 'Departamento que puede tener los registros',
      departmentHint:
        'Si no está seguro, déjelo así: la Secretaría Municipal envía su solicitud al departamento que corresponda.',
      departmentUnknown: 'No estoy seguro',
      contactLegend: 'Cómo comunicarnos con usted',
      contactHint:
        'Todo es opcional: puede pedir registros sin dar su nombre. Dé un correo electrónico para recibir cada novedad; ' +
        'sin él, su enlace privado es la única manera de dar seguimiento a su solicitud.',
      nameLabel: 'Su nombre',
      emailLabel: 'Correo electrónico',
      emailHint: 'Allí enviamos el acuse de recibo, cada novedad y los registros.',
      phoneLabel: 'Número de teléfono',
      honeypotLabel: 'Deje este campo vacío',
      keptLegend: 'Archivos ya adjuntos (desmarque para quitarlos)',
      attachLabel: 'Adjuntar archivos',
      attachMoreLabel: 'Adjuntar más archivos',
      attachHint: (files: number, size: string) =>
        `Por ejemplo, una carta, una foto o un mapa. Hasta ${files} archivos de ${size} cada uno.`,
      publicNote:
        'Su descripción puede aparecer en el registro público de solicitudes. Su nombre, correo y teléfono nunca. Por ' +
        'favor, no incluya información privada como números de Seguro Social.',
      checkButton: 'Buscar conjuntos de datos primero',
      sendButton: 'Enviar solicitud',
      suggestHeading: 'Conjuntos de datos publicados que tal vez ya respondan a su solicitud',
      suggestIntro: 'Se abren en una pestaña nueva, para que su formulario quede como está.',
      suggestNone:
        'Ningún conjunto de datos publicado coincide con su descripción. Envíe su solicitud y la Ciudad le ayudará.',
      suggestFound: (n: number) =>
        n === 1
          ? '1 conjunto de datos publicado puede responder a su solicitud.'
          : `${n} conjuntos de datos publicados pueden responder a su solicitud.`,
      suggestFoundOrNone: (n: number) =>
        n === 0
          ? 'Ningún conjunto de datos publicado coincide con su descripción.'
          : n === 1
            ? '1 conjunto de datos publicado puede responder a su solicitud.'
            : `${n} conjuntos de datos publicados pueden responder a su solicitud.`,
      opensNewTab: '(se abre en una pestaña nueva)',
      errDescription: 'Describa los registros que quiere.',
      errDescriptionShort: (n: number) =>
        `Describa los registros con algunas palabras más (al menos ${n} caracteres).`,
      errTooLong: (max: string) => `Acórtelo a ${max} caracteres o menos.`,
      errEmail: 'Escriba un correo como nombre@ejemplo.com, o déjelo vacío.',
      errPhone: 'Escriba un número de teléfono con sus dígitos (al menos 7), o déjelo vacío.',
      errDepartment: 'Elija un departamento de la lista.',
      errFormat: 'Elija cómo quiere recibir los registros.',
      errHoneypot: 'Este campo debe quedar vacío.',
      errFileTooLarge: (size: string) => `Un archivo pesaba más de ${size} y no se adjuntó.`,
      errTooManyFiles: (n: number) => `Adjunte como máximo ${n} archivos.`,
      errInvalid: 'La Ciudad no pudo aceptar este valor',

      statusHeading: 'Estado',
      statusLabel: (status: string) =>
        status === 'extended' ? 'Prorrogada' : status === 'closed' ? 'Cerrada' : 'Abierta',
      closedAs: (reason: string) => {
        switch (reason) {
          case 'fulfilled':
            return 'Cerrada: registros entregados';
          case 'partially_fulfilled':
            return 'Cerrada: entrega parcial';
          case 'no_responsive_records':
            return 'Cerrada: no se encontraron registros';
          case 'denied':
            return 'Cerrada: denegada';
          case 'withdrawn':
            return 'Cerrada: retirada';
          case 'referred':
            return 'Cerrada: remitida a otra agencia';
          default:
            return 'Cerrada';
        }
      },
      deadlineHeading: 'Fecha límite de respuesta',
      dueOn: (date: string) => `Vence el ${date}:`,
      daysLeft: (n: number) =>
        n > 1
          ? `en ${n} días`
          : n === 1
            ? 'mañana'
            : n === 0
              ? 'hoy'
              : n === -1
                ? '1 día de retraso'
                : `${-n} días de retraso`,
      closedOn: (date: string) => `Cerrada el ${date},`,
      answeredInTime: (due: string) => `a tiempo (vencía el ${due}).`,
      answeredLate: (due: string) => `después de la fecha límite (${due}).`,
      receivedHeading: 'Recibida',
      receivedOn: (date: string) => `Recibida el ${date}`,
      departmentsHeading: 'Departamentos',
      notRoutedYet: 'Sin asignar todavía: la Secretaría Municipal la asigna',
      formatHeading: 'Formato pedido',
      messagesHeading: 'Mensajes de la Ciudad',
      noMessages: 'Todavía no hay mensajes.',
      documentsHeading: 'Registros entregados a usted',
      publicDocumentsHeading: 'Registros entregados',
      noDocuments: 'Todavía no se ha entregado ningún registro.',
      documentKind: (kind: string) =>
        kind === 'dataset' ? 'conjunto de datos' : kind === 'offline' ? 'para ver en persona' : 'archivo',
      releasedOn: (date: string) => `Entregado el ${date}`,
      onlyForYou: 'entregado solo a usted',
      redactionNote: 'Partes tachadas',

      filedTitle: (number: string) => `Solicitud ${number} recibida`,
      filedHeading: 'Recibimos su solicitud',
      filedNumber: 'Su número de solicitud es',
      filedDueExplained: (days: number, cutoff: string, endOfDay: string) =>
        `La ley da a la Ciudad ${days} días para responder. Una solicitud recibida después de las ${cutoff} cuenta ` +
        'desde el día siguiente, y una fecha límite que cae en fin de semana o día feriado de la Ciudad pasa al ' +
        `siguiente día hábil. La respuesta vence a las ${endOfDay} (hora de la Ciudad) de ese día.`,
      keepHeading: 'Guarde este enlace',
      keepIntro:
        'Es su página privada para esta solicitud: su estado, los mensajes, los cobros y los registros entregados a usted.',
      keepPrivate:
        'Cualquier persona con el enlace puede ver su solicitud, así que no lo comparta. Solo lo mostramos completo ' +
        'aquí: guárdelo o márquelo ahora.',
      filedEmailed: 'Enviamos un acuse de recibo con este enlace al correo electrónico que nos dio.',
      filedNoEmail:
        'No nos dio un correo electrónico, así que no podemos enviarle novedades: el enlace de arriba es la única ' +
        'manera de dar seguimiento a su solicitud.',
      followButton: 'Ir a su página privada',

      followTitle: (number: string) => `Solicitud ${number}`,
      followPrivate:
        'Esta es su página privada. Cualquier persona con su dirección puede verla: no comparta el enlace.',
      doneWithdrawn: 'Su solicitud fue retirada. La Ciudad dejó de trabajar en ella.',
      doneReconsideration: 'Su pedido de reconsideración fue enviado a la Secretaría Municipal.',
      extensionHeading: 'La Ciudad prorrogó el plazo',
      extensionText: (days: number, reason: string, date: string) =>
        `La Ciudad usó la única prórroga que permite la ley, ${days} ${days === 1 ? 'día' : 'días'}, porque ${reason}. ` +
        `La nueva fecha límite es el ${date}. Su aviso por escrito:`,
      extensionShort: (days: number, reason: string) =>
        `Prorrogada ${days} ${days === 1 ? 'día' : 'días'} porque ${reason}.`,
      unusualCircumstance: (reason: string) => {
        switch (reason) {
          case 'other_facilities':
            return 'los registros se guardan en otras instalaciones';
          case 'voluminous':
            return 'hay que buscar, reunir y revisar un gran volumen de registros';
          case 'consultation':
            return 'hay que consultar a otra agencia o a varios departamentos de la Ciudad';
          case 'compilation':
            return 'hay que recopilar o extraer datos, o programar un informe';
          case 'emergency':
            return 'se declaró un estado de emergencia';
          default:
            return reason;
        }
      },
      yourRequestHeading: 'Su solicitud',
      yourFilesHeading: 'Archivos que envió',
      closingHeading: 'Cómo cerró la Ciudad su solicitud',
      referredTo: (agency: string) => `Remitida a: ${agency}.`,

      feesHeading: 'Cobros',
      feesExplained:
        'La Ciudad solo puede cobrar el costo directo de las copias, y la programación o extracción de datos solo ' +
        'cuando la ley lo permite. Buscar y revisar registros es gratis.',
      feeKindHeading: 'Concepto',
      feeDescriptionHeading: 'Detalle',
      feeAmountHeading: 'Importe',
      feeKind: (kind: string) =>
        kind === 'electronic_copy'
          ? 'Copia electrónica'
          : kind === 'programming'
            ? 'Programación o extracción de datos'
            : 'Copias',
      feeTotal: 'Total',
      paymentHeading: 'Pago',
      paymentStatus: (status: string) => {
        switch (status) {
          case 'awaiting_payment':
            return 'Esperando su pago. La Ciudad le explica cómo pagar en sus mensajes.';
          case 'paid':
            return 'Pagado. Gracias.';
          case 'waived':
            return 'Exonerado: no hay nada que pagar.';
          default:
            return 'No hay nada que pagar.';
        }
      },

      denialFull: 'La Ciudad denegó su solicitud',
      denialPartial: 'La Ciudad retuvo parte de los registros',
      denialOn: (date: string) => `Aviso por escrito del ${date}.`,
      exemptionsHeading: 'Exenciones en que se basa la Ciudad',
      responsibleHeading: 'Responsables de esta decisión',
      personWithTitle: (name: string, title: string) => (title ? `${name}, ${title}` : name),
      reconsiderHeading: 'Si no está de acuerdo',
      reconsiderExplained: (_clerk: string, days: number) =>
        `Puede pedir a la Secretaría Municipal que reconsidere una denegación o un cobro dentro de ${days} días de la ` +
        'decisión. La revisión tiene su propia decisión por escrito.',
      reconsiderBy: (subject: string, date: string) =>
        subject === 'fee'
          ? `Sobre los cobros: pídala a más tardar el ${date}.`
          : `Sobre la denegación: pídala a más tardar el ${date}.`,
      courtRemedy:
        'El recurso que le da la ley es una petición ante el tribunal superior para hacer valer su derecho a los ' +
        'registros (Código de Gobierno, sección 7923.000 y siguientes). No tiene que pedir una reconsideración primero.',
      reconsiderationOf: (subject: string) =>
        subject === 'fee' ? 'Reconsideración de los cobros' : 'Reconsideración de la denegación',
      askedOn: (date: string) => `pedida el ${date}`,
      reconsiderationDecision: (decision: string) => {
        switch (decision) {
          case 'upheld':
            return 'decisión confirmada';
          case 'reversed':
            return 'decisión revocada';
          case 'modified':
            return 'decisión modificada';
          default:
            return 'pendiente ante la Secretaría Municipal';
        }
      },
      decidedOn: (date: string) => `Decidida el ${date}`,
      reconsiderFormHeading: 'Pedir una reconsideración',
      reconsiderSubjectLegend: '¿Qué debe reconsiderar la Secretaría Municipal?',
      reconsiderReasonFor: (subject: string) =>
        subject === 'fee'
          ? '¿Por qué deben reconsiderarse los cobros?'
          : '¿Por qué debe reconsiderarse la denegación?',
      reconsiderReasonLabel: '¿Por qué debe reconsiderarse?',
      reconsiderReasonHint: 'Diga qué le parece equivocado, y cualquier cosa que la Ciudad tal vez no sepa.',
      reconsiderButton: 'Enviar a la Secretaría Municipal',
      errSubject: 'Elija qué debe reconsiderarse.',
      errReason: 'Diga por qué debe reconsiderarse.',
      errLate:
        'Terminó el plazo para pedir una reconsideración. Todavía puede presentar una petición ante el tribunal superior.',
      errClosed: 'Esta solicitud está cerrada: no se puede pedir nada más sobre ella.',
      errPending: 'Ya hay una reconsideración de esto pendiente ante la Secretaría Municipal.',
      errNothing: 'No hay nada que reconsiderar en esta solicitud.',

      withdrawHeading: 'Retirar su solicitud',
      withdrawExplained:
        'Si ya no necesita los registros, retire la solicitud y la Ciudad dejará de trabajar en ella.',
      withdrawConfirm: 'Sí, retiro mi solicitud. Entiendo que la Ciudad dejará de trabajar en ella.',
      withdrawButton: 'Retirar solicitud',
      errConfirmWithdraw: 'Marque la casilla para confirmar que quiere retirar su solicitud.',

      logTitle: 'Registro público de solicitudes de registros',
      logTitlePage: (page: number) => `Registro público de solicitudes de registros, página ${page}`,
      logDescription: 'Solicitudes de registros hechas a la Ciudad, qué se pidió y cómo respondió la Ciudad.',
      logIntro:
        'Solicitudes hechas a la Ciudad y publicadas después de revisarlas: qué se pidió, qué departamentos responden y ' +
        'qué se entregó. Nunca se muestra quién hizo la solicitud.',
      logSearchLabel: 'Palabras de la solicitud',
      anyStatus: 'Cualquier estado',
      departmentFilter: 'Departamento',
      anyDepartment: 'Cualquier departamento',
      receivedFrom: 'Recibidas desde',
      receivedTo: 'Recibidas hasta',
      logSearchButton: 'Buscar en el registro',
      clearFilters: 'Borrar la búsqueda',
      requestNumber: (number: string) => `Solicitud ${number}`,
      logCount: (n: number, shown: string) => (n === 1 ? '1 solicitud' : `${shown} solicitudes`),
      logNone: 'Todavía no hay solicitudes publicadas.',
      logNoneFiltered: 'Ninguna solicitud publicada coincide con esta búsqueda.',
      logCsv: 'Descargar el registro en CSV',
      entryDescription: (number: string) =>
        `Solicitud de registros públicos ${number}: qué se pidió y qué se entregó.`,
      requestHeading: 'Qué se pidió',
      linkedDatasetsHeading: 'Conjuntos de datos publicados a partir de esta solicitud',
      backToLog: 'Volver al registro público',

      numbersTitle: 'Qué tan rápido responde la Ciudad a las solicitudes de registros',
      numbersDescription:
        'Porcentaje a tiempo, días hasta el cierre y solicitudes abiertas y atrasadas por departamento.',
      numbersIntro: (days: number, extended: number) =>
        `La ley da a la Ciudad ${days} días para responder a una solicitud, o ${extended} con su única prórroga.`,
      numbersOverall: 'Todas las solicitudes',
      onTimeRate: 'respondidas a tiempo',
      medianDays: 'mediana de tiempo hasta el cierre',
      openRequests: 'solicitudes abiertas',
      overdueRequests: 'solicitudes atrasadas',
      days: (n: number, shown: string) => (n === 1 ? '1 día' : `${shown} días`),
      noneYet: 'todavía no hay',
      byDepartmentHeading: 'Por departamento',
      noRequestsYet: 'Todavía no se ha hecho ninguna solicitud.',
      departmentColumn: 'Departamento',
      unassigned: 'Sin asignar todavía',
      openColumn: 'Abiertas',
      overdueColumn: 'Atrasadas',
      closedColumn: 'Cerradas',
      onTimeColumn: 'A tiempo',
      numbersExplained:
        'A tiempo: cerradas antes de la fecha límite, incluida la prórroga. Tiempo hasta el cierre: días naturales ' +
        'desde la recepción hasta la respuesta. Las cifras cuentan todas las solicitudes, publicadas o no.',

      notFoundTitle: 'Solicitud no encontrada',
      notFoundMessage:
        'No hay ninguna solicitud en esta dirección. Revise que el enlace esté completo, como aparece en su correo o en ' +
        'su acuse de recibo.',
      formExpiredTitle: 'El formulario venció',
      formExpired:
        'El formulario estuvo abierto demasiado tiempo o llegó desde otro sitio. No se envió nada: regrese y envíelo otra vez.',
      tooLargeTitle: 'Demasiado grande',
      tooLarge:
        'Lo enviado supera lo que la Ciudad acepta. No se envió nada: regrese y adjunte archivos más pequeños.',
      notAllowedTitle: 'No permitido',
      cannotTitle: 'No se pudo hacer',
      backToForm: 'Solicitudes de registros públicos',
    },
  },
);
