/** Interface strings of a dataset's table preview: filters, sorting, pages, and why a filter does not apply. */
import { defineMessages } from '../define.js';

/** "a, b or c" with the language's word for "or". */
const list = (items: readonly string[], or: string) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${or} ${items[items.length - 1]}`;
const quoted = (items: readonly string[]) => items.map((item) => `“${item}”`);

export const table = defineMessages(
  {
    sortAscending: 'sort ascending',
    sortDescending: 'sort descending',
    pages: 'Table pages',
    previous: 'Previous',
    next: 'Next',
    pageLabel: (n: number, last: number) => `Page ${n} of ${last}`,
    rowsPerPage: 'Rows per page',
    show: 'Show',
    activeFilters: 'Filters applied',
    removeFilter: 'Remove',
    clearFilters: 'Remove all filters',
    noMatches: (all: string) => `No rows match these filters (the table has ${all} rows).`,
    noRowsHere: 'There are no rows on this page.',
    showing: (first: string, last: string, total: string) => `Rows ${first} to ${last} of ${total}`,
    showingFiltered: (first: string, last: string, total: string, all: string) =>
      `Rows ${first} to ${last} of ${total} matching (of ${all} in the table)`,
    caption: (title: string, page: string, last: string) => `${title}: page ${page} of ${last}`,
    shape: (type: string, points: number) => `${type}, ${points} ${points === 1 ? 'point' : 'points'}`,
    yes: 'Yes',
    no: 'No',
    opContains: 'contains',
    opEquals: 'equals',
    opLess: 'is less than',
    opGreater: 'is greater than',
    opBetween: 'is between',
    filterWords: (name: string, op: string, value: string) => `${name} ${op} “${value}”`,
    filterBetween: (name: string, low: string, high: string) => `${name} is between ${low} and ${high}`,
    problemsHeading: 'Some of your choices could not be applied',
    refusedHeading: 'The table could not be filtered this way',
    refused: 'The query service answered:',
    problemMalformed: (raw: string) =>
      `The filter “${raw}” is not in the form column:condition:value, so it was not applied.`,
    problemTooMany: (max: number) => `At most ${max} filters apply at once; the others were left out.`,
    problemUnknownColumn: (field: string) =>
      `This table has no column “${field}”, so that filter was not applied.`,
    problemNoFilter: (name: string) =>
      `The column “${name}” cannot be filtered here (shapes are filtered through the API).`,
    problemOperator: (op: string, name: string, allowed: readonly string[]) =>
      `“${op}” does not apply to the column “${name}”: use ${list(quoted(allowed), 'or')}.`,
    problemEmpty: (name: string) => `Give a value to filter the column “${name}”.`,
    problemTooLong: (name: string, max: number) =>
      `The value for “${name}” is longer than ${max} characters.`,
    problemNumber: (name: string, value: string) =>
      `“${value}” is not a number: the column “${name}” holds numbers, such as 1500 or 12.5.`,
    problemDate: (name: string, value: string) =>
      `“${value}” is not a date: write dates for “${name}” as year-month-day, such as 2024-01-31.`,
    problemDateTime: (name: string, value: string) =>
      `“${value}” is not a date or time: write them for “${name}” as 2024-01-31 or 2024-01-31T14:30.`,
    problemBoolean: (name: string, value: string) =>
      `“${value}” is not true or false: the column “${name}” holds yes/no values (write true or false).`,
    problemRange: (name: string, value: string) =>
      `“${value}” is not a range: give both ends for “${name}”, in the two value fields or as low..high.`,
    problemSort: (field: string) =>
      `This table has no column “${field}” to sort by; it is shown in its own order.`,
    problemPage: (last: number) =>
      `There is no such page: the table has ${last} ${last === 1 ? 'page' : 'pages'}.`,
    filterLegend: 'Filter the rows',
    column: 'Column',
    condition: 'Condition',
    value: 'Value',
    value2: 'And (for “is between”)',
    applyFilter: 'Apply filter',
    filterHint:
      'Text: “contains” ignores upper and lower case. Numbers and dates: write dates as 2024-01-31; “is less than” means before and “is greater than” means after.',
  },
  {
    vi: {
      sortAscending: 'sắp xếp tăng dần',
      sortDescending: 'sắp xếp giảm dần',
      pages: 'Các trang của bảng',
      previous: 'Trang trước',
      next: 'Trang sau',
      pageLabel: (n: number, last: number) => `Trang ${n} trên ${last}`,
      rowsPerPage: 'Số dòng mỗi trang',
      show: 'Hiển thị',
      activeFilters: 'Bộ lọc đang áp dụng',
      removeFilter: 'Bỏ',
      clearFilters: 'Bỏ tất cả bộ lọc',
      noMatches: (all: string) => `Không có dòng nào khớp với các bộ lọc này (bảng có ${all} dòng).`,
      noRowsHere: 'Trang này không có dòng nào.',
      showing: (first: string, last: string, total: string) =>
        `Dòng ${first} đến ${last} trong tổng số ${total}`,
      showingFiltered: (first: string, last: string, total: string, all: string) =>
        `Dòng ${first} đến ${last} trong ${total} dòng khớp (bảng có ${all} dòng)`,
      caption: (title: string, page: string, last: string) => `${title}: trang ${page} trên ${last}`,
      shape: (type: string, points: number) => `${type}, ${points} điểm`,
      yes: 'Có',
      no: 'Không',
      opContains: 'chứa',
      opEquals: 'bằng',
      opLess: 'nhỏ hơn',
      opGreater: 'lớn hơn',
      opBetween: 'nằm trong khoảng',
      filterWords: (name: string, op: string, value: string) => `${name} ${op} “${value}”`,
      filterBetween: (name: string, low: string, high: string) =>
        `${name} nằm trong khoảng từ ${low} đến ${high}`,
      problemsHeading: 'Một số lựa chọn của bạn không thể áp dụng',
      refusedHeading: 'Không thể lọc bảng theo cách này',
      refused: 'Dịch vụ truy vấn trả lời:',
      problemMalformed: (raw: string) =>
        `Bộ lọc “${raw}” không đúng dạng cột:điều kiện:giá trị nên không được áp dụng.`,
      problemTooMany: (max: number) =>
        `Chỉ áp dụng tối đa ${max} bộ lọc cùng lúc; các bộ lọc còn lại đã bị bỏ qua.`,
      problemUnknownColumn: (field: string) =>
        `Bảng này không có cột “${field}” nên bộ lọc đó không được áp dụng.`,
      problemNoFilter: (name: string) =>
        `Không thể lọc cột “${name}” tại đây (dữ liệu hình học được lọc qua API).`,
      problemOperator: (op: string, name: string, allowed: readonly string[]) =>
        `Điều kiện “${op}” không áp dụng cho cột “${name}”: hãy dùng ${list(quoted(allowed), 'hoặc')}.`,
      problemEmpty: (name: string) => `Hãy nhập một giá trị để lọc cột “${name}”.`,
      problemTooLong: (name: string, max: number) => `Giá trị cho cột “${name}” dài hơn ${max} ký tự.`,
      problemNumber: (name: string, value: string) =>
        `“${value}” không phải là số: cột “${name}” chứa số, ví dụ 1500 hoặc 12.5.`,
      problemDate: (name: string, value: string) =>
        `“${value}” không phải là ngày: hãy viết ngày cho cột “${name}” theo dạng năm-tháng-ngày, ví dụ 2024-01-31.`,
      problemDateTime: (name: string, value: string) =>
        `“${value}” không phải là ngày hoặc giờ: hãy viết cho cột “${name}” theo dạng 2024-01-31 hoặc 2024-01-31T14:30.`,
      problemBoolean: (name: string, value: string) =>
        `“${value}” không phải là true hoặc false: cột “${name}” chứa giá trị có/không (hãy viết true hoặc false).`,
      problemRange: (name: string, value: string) =>
        `“${value}” không phải là một khoảng: hãy nhập cả hai đầu cho cột “${name}”, trong hai ô giá trị hoặc theo dạng thấp..cao.`,
      problemSort: (field: string) =>
        `Bảng này không có cột “${field}” để sắp xếp; bảng được hiển thị theo thứ tự gốc.`,
      problemPage: (last: number) => `Không có trang này: bảng chỉ có ${last} trang.`,
      filterLegend: 'Lọc các dòng',
      column: 'Cột',
      condition: 'Điều kiện',
      value: 'Giá trị',
      value2: 'Và (cho “nằm trong khoảng”)',
      applyFilter: 'Áp dụng bộ lọc',
      filterHint:
        'Văn bản: “chứa” không phân biệt chữ hoa và chữ thường. Số và ngày: viết ngày theo dạng 2024-01-31; “nhỏ hơn” nghĩa là trước và “lớn hơn” nghĩa là sau.',
    },
    es: {
      sortAscending: 'ordenar de forma ascendente',
      sortDescending: 'ordenar de forma descendente',
      pages: 'Páginas de la tabla',
      previous: 'Anterior',
      next: 'Siguiente',
      pageLabel: (n: number, last: number) => `Página ${n} de ${last}`,
      rowsPerPage: 'Filas por página',
      show: 'Mostrar',
      activeFilters: 'Filtros aplicados',
      removeFilter: 'Quitar',
      clearFilters: 'Quitar todos los filtros',
      noMatches: (all: string) => `Ninguna fila coincide con estos filtros (la tabla tiene ${all} filas).`,
      noRowsHere: 'No hay filas en esta página.',
      showing: (first: string, last: string, total: string) => `Filas ${first} a ${last} de ${total}`,
      showingFiltered: (first: string, last: string, total: string, all: string) =>
        `Filas ${first} a ${last} de ${total} que coinciden (de ${all} en la tabla)`,
      caption: (title: string, page: string, last: string) => `${title}: página ${page} de ${last}`,
      shape: (type: string, points: number) => `${type}, ${points} ${points === 1 ? 'punto' : 'puntos'}`,
      yes: 'Sí',
      no: 'No',
      opContains: 'contiene',
      opEquals: 'es igual a',
      opLess: 'es menor que',
      opGreater: 'es mayor que',
      opBetween: 'está entre',
      filterWords: (name: string, op: string, value: string) => `${name} ${op} “${value}”`,
      filterBetween: (name: string, low: string, high: string) => `${name} está entre ${low} y ${high}`,
      problemsHeading: 'Algunas de sus opciones no se pudieron aplicar',
      refusedHeading: 'No se pudo filtrar la tabla de esta forma',
      refused: 'El servicio de consultas respondió:',
      problemMalformed: (raw: string) =>
        `El filtro “${raw}” no tiene la forma columna:condición:valor, así que no se aplicó.`,
      problemTooMany: (max: number) =>
        `Se aplican como máximo ${max} filtros a la vez; los demás se omitieron.`,
      problemUnknownColumn: (field: string) =>
        `Esta tabla no tiene la columna “${field}”, así que ese filtro no se aplicó.`,
      problemNoFilter: (name: string) =>
        `La columna “${name}” no se puede filtrar aquí (las formas geográficas se filtran con la API).`,
      problemOperator: (op: string, name: string, allowed: readonly string[]) =>
        `“${op}” no se aplica a la columna “${name}”: use ${list(quoted(allowed), 'o')}.`,
      problemEmpty: (name: string) => `Escriba un valor para filtrar la columna “${name}”.`,
      problemTooLong: (name: string, max: number) =>
        `El valor para “${name}” tiene más de ${max} caracteres.`,
      problemNumber: (name: string, value: string) =>
        `“${value}” no es un número: la columna “${name}” contiene números, como 1500 o 12.5.`,
      problemDate: (name: string, value: string) =>
        `“${value}” no es una fecha: escriba las fechas de “${name}” como año-mes-día, por ejemplo 2024-01-31.`,
      problemDateTime: (name: string, value: string) =>
        `“${value}” no es una fecha ni una hora: escríbalas para “${name}” como 2024-01-31 o 2024-01-31T14:30.`,
      problemBoolean: (name: string, value: string) =>
        `“${value}” no es true ni false: la columna “${name}” contiene valores sí/no (escriba true o false).`,
      problemRange: (name: string, value: string) =>
        `“${value}” no es un rango: indique ambos extremos para “${name}”, en los dos campos de valor o como mínimo..máximo.`,
      problemSort: (field: string) =>
        `Esta tabla no tiene la columna “${field}” para ordenar; se muestra en su orden original.`,
      problemPage: (last: number) =>
        `Esa página no existe: la tabla tiene ${last} ${last === 1 ? 'página' : 'páginas'}.`,
      filterLegend: 'Filtrar las filas',
      column: 'Columna',
      condition: 'Condición',
      value: 'Valor',
      value2: 'Y (para “está entre”)',
      applyFilter: 'Aplicar filtro',
      filterHint:
        'Texto: “contiene” no distingue entre mayúsculas y minúsculas. Números y fechas: escriba las fechas como 2024-01-31; “es menor que” significa antes y “es mayor que”, después.',
    },
  },
);
