/** Interface strings of the dataset page's map. Templates the map island fills in keep `{n}` and `{total}`. */
import { defineMessages } from '../define.js';

export const map = defineMessages(
  {
    title: 'Map',
    features: (n: number, formatted: string) => (n === 1 ? '1 feature.' : `${formatted} features.`),
    listed: 'The data table on this page lists the same rows;',
    downloadGeojson: 'download them as GeoJSON',
    forGis: 'to open them in a GIS program.',
    capped: (shown: string) =>
      `The map draws the first ${shown}; the GeoJSON download has them all, and the table can filter them.`,
    empty: 'There are no features to map yet.',
    restricted:
      'The map is not shown: the rows of this dataset need permission to read. The page explains how to ask for access.',
    noJs: 'The interactive map needs JavaScript; the GeoJSON download opens in any GIS program.',
    label: (title: string) => `Map of ${title}`,
    hint: 'Use the arrow keys to move the map and the plus and minus keys to zoom. Select a group to zoom in on it.',
    loading: 'Loading the map…',
    shownOne: 'The map shows {n} feature.',
    shownOther: 'The map shows {n} features.',
    shownOfTotal: 'The map shows {n} features, the first of {total}.',
    noLocation: 'None of the rows has a location to draw.',
    failed: 'The features could not be loaded. The GeoJSON download has them.',
    cluster: '{n} features; select to zoom in',
  },
  {
    vi: {
      title: 'Bản đồ',
      features: (_n: number, formatted: string) => `${formatted} đối tượng.`,
      listed: 'Bảng dữ liệu trên trang này liệt kê cùng các dòng đó;',
      downloadGeojson: 'tải xuống dạng GeoJSON',
      forGis: 'để mở bằng phần mềm GIS.',
      capped: (shown: string) =>
        `Bản đồ chỉ vẽ ${shown} đối tượng đầu tiên; tệp GeoJSON có đầy đủ, và bảng có thể lọc chúng.`,
      empty: 'Chưa có đối tượng nào để hiển thị trên bản đồ.',
      restricted:
        'Không hiển thị bản đồ: cần được cấp quyền mới đọc được các dòng của bộ dữ liệu này. Trang này có hướng dẫn cách xin quyền truy cập.',
      noJs: 'Bản đồ tương tác cần JavaScript; tệp GeoJSON tải xuống mở được bằng mọi phần mềm GIS.',
      label: (title: string) => `Bản đồ ${title}`,
      hint: 'Dùng các phím mũi tên để di chuyển bản đồ và phím cộng, trừ để phóng to, thu nhỏ. Chọn một nhóm để phóng to vào nhóm đó.',
      loading: 'Đang tải bản đồ…',
      shownOne: 'Bản đồ hiển thị {n} đối tượng.',
      shownOther: 'Bản đồ hiển thị {n} đối tượng.',
      shownOfTotal: 'Bản đồ hiển thị {n} đối tượng đầu tiên trong tổng số {total}.',
      noLocation: 'Không dòng nào có vị trí để vẽ.',
      failed: 'Không tải được các đối tượng. Tệp GeoJSON tải xuống có đầy đủ.',
      cluster: '{n} đối tượng; chọn để phóng to',
    },
    es: {
      title: 'Mapa',
      features: (n: number, formatted: string) => (n === 1 ? '1 elemento.' : `${formatted} elementos.`),
      listed: 'La tabla de datos de esta página muestra las mismas filas;',
      downloadGeojson: 'descárguelas en GeoJSON',
      forGis: 'para abrirlas en un programa SIG.',
      capped: (shown: string) =>
        `El mapa dibuja los primeros ${shown}; la descarga en GeoJSON los tiene todos y la tabla permite filtrarlos.`,
      empty: 'Todavía no hay elementos para mostrar en el mapa.',
      restricted:
        'No se muestra el mapa: leer las filas de este conjunto de datos requiere permiso. La página explica cómo solicitar acceso.',
      noJs: 'El mapa interactivo necesita JavaScript; la descarga en GeoJSON se abre en cualquier programa SIG.',
      label: (title: string) => `Mapa de ${title}`,
      hint: 'Use las flechas para mover el mapa y las teclas más y menos para acercar o alejar. Seleccione un grupo para acercarse a él.',
      loading: 'Cargando el mapa…',
      shownOne: 'El mapa muestra {n} elemento.',
      shownOther: 'El mapa muestra {n} elementos.',
      shownOfTotal: 'El mapa muestra {n} elementos, los primeros de {total}.',
      noLocation: 'Ninguna fila tiene una ubicación para dibujar.',
      failed: 'No se pudieron cargar los elementos. La descarga en GeoJSON los tiene.',
      cluster: '{n} elementos; seleccione para acercarse',
    },
  },
);
