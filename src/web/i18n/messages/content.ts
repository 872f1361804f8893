/** Interface strings of the content pages (about, terms, licences, privacy, FAQ) and the page-not-found page. */
import { defineMessages } from '../define.js';

export const content = defineMessages(
  {
    pagesNav: 'In this section',
    onThisPage: 'On this page',
    notTranslated: 'This page has not been translated yet. It is shown in English.',
    termsVersion: (version: string) => `Version ${version} of these terms.`,
    searchHeading: 'Search the data',
    searchLabel: 'Search datasets',
    searchButton: 'Search',
    notFoundPlaces: 'Or start from one of these pages',
  },
  {
    vi: {
      pagesNav: 'Trong mục này',
      onThisPage: 'Trên trang này',
      notTranslated: 'Trang này chưa được dịch sang tiếng Việt. Nội dung dưới đây bằng tiếng Anh.',
      termsVersion: (version: string) => `Phiên bản ${version} của các điều khoản này.`,
      searchHeading: 'Tìm dữ liệu',
      searchLabel: 'Tìm bộ dữ liệu',
      searchButton: 'Tìm',
      notFoundPlaces: 'Hoặc bắt đầu từ một trong các trang sau',
    },
    es: {
      pagesNav: 'En esta sección',
      onThisPage: 'En esta página',
      notTranslated: 'Esta página todavía no está traducida al español. Se muestra en inglés.',
      termsVersion: (version: string) => `Versión ${version} de estas condiciones.`,
      searchHeading: 'Buscar datos',
      searchLabel: 'Buscar conjuntos de datos',
      searchButton: 'Buscar',
      notFoundPlaces: 'O comience desde una de estas páginas',
    },
  },
);
