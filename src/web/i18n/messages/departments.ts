/** Interface strings of the departments pages. */
import { defineMessages } from '../define.js';

export const departments = defineMessages(
  {
    title: 'Departments',
    description: (city: string) =>
      `The departments of the ${city} that publish open data, and how to reach them.`,
    intro: 'Each department keeps its own datasets up to date and answers questions about them.',
    none: 'No department has published a dataset yet.',
    datasetCount: (n: number, shown: string) => (n === 1 ? '1 dataset' : `${shown} datasets`),
    contact: 'Contact',
    email: 'Email',
    phone: 'Phone',
    website: 'Website',
    stewardsHeading: 'Data stewards',
    stewardsIntro: 'The people and teams who answer for its datasets, as their metadata name them.',
    stewardOf: (n: number, shown: string) =>
      n === 1 ? 'steward of 1 dataset' : `steward of ${shown} datasets`,
    datasetsHeading: 'Datasets it publishes',
    noDatasets: 'This department has no published datasets yet.',
    inCatalog: 'Search and filter these datasets in the catalog',
    notFoundTitle: 'Department not found',
    notFoundMessage: (id: string) => `There is no department "${id}". It may have been renamed.`,
    allDepartments: 'All departments',
  },
  {
    vi: {
      title: 'Các sở ban ngành',
      description: (city: string) =>
        `Các sở ban ngành của ${city} công bố dữ liệu mở, và cách liên hệ với họ.`,
      intro: 'Mỗi sở ban ngành tự cập nhật các bộ dữ liệu của mình và trả lời các câu hỏi về chúng.',
      none: 'Chưa có sở ban ngành nào công bố bộ dữ liệu.',
      datasetCount: (_n: number, shown: string) => `${shown} bộ dữ liệu`,
      contact: 'Liên hệ',
      email: 'Email',
      phone: 'Điện thoại',
      website: 'Trang web',
      stewardsHeading: 'Người phụ trách dữ liệu',
      stewardsIntro: 'Những người và nhóm chịu trách nhiệm về các bộ dữ liệu, theo siêu dữ liệu của từng bộ.',
      stewardOf: (_n: number, shown: string) => `phụ trách ${shown} bộ dữ liệu`,
      datasetsHeading: 'Các bộ dữ liệu được công bố',
      noDatasets: 'Sở ban ngành này chưa công bố bộ dữ liệu nào.',
      inCatalog: 'Tìm và lọc các bộ dữ liệu này trong danh mục',
      notFoundTitle: 'Không tìm thấy sở ban ngành',
      notFoundMessage: (id: string) => `Không có sở ban ngành "${id}". Có thể tên đã được thay đổi.`,
      allDepartments: 'Tất cả sở ban ngành',
    },
    es: {
      title: 'Departamentos',
      description: (city: string) =>
        `Los departamentos de ${city} que publican datos abiertos y cómo comunicarse con ellos.`,
      intro:
        'Cada departamento mantiene al día sus propios conjuntos de datos y responde preguntas sobre ellos.',
      none: 'Ningún departamento ha publicado un conjunto de datos todavía.',
      datasetCount: (n: number, shown: string) =>
        n === 1 ? '1 conjunto de datos' : `${shown} conjuntos de datos`,
      contact: 'Contacto',
      email: 'Correo electrónico',
      phone: 'Teléfono',
      website: 'Sitio web',
      stewardsHeading: 'Responsables de los datos',
      stewardsIntro:
        'Las personas y los equipos que responden por sus conjuntos de datos, según sus metadatos.',
      stewardOf: (n: number, shown: string) =>
        n === 1 ? 'responsable de 1 conjunto de datos' : `responsable de ${shown} conjuntos de datos`,
      datasetsHeading: 'Conjuntos de datos que publica',
      noDatasets: 'Este departamento todavía no ha publicado conjuntos de datos.',
      inCatalog: 'Buscar y filtrar estos conjuntos de datos en el catálogo',
      notFoundTitle: 'Departamento no encontrado',
      notFoundMessage: (id: string) =>
        `No existe el departamento "${id}". Puede que haya cambiado de nombre.`,
      allDepartments: 'Todos los departamentos',
    },
  },
);
