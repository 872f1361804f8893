// Styles of the dataset page's map (served in the one theme stylesheet, after the design system's). Marks have a
// dark outline that stands out from the basemap at 3:1 or more; cluster numbers are white on dark blue.
export const MAP_STYLES = `
.map-section [hidden] {
  display: none !important;
}
.map-status {
  margin: 0 0 0.5rem;
}
.dataset-map {
  height: 26rem;
  max-height: 70vh;
  border: 1px solid #565c65;
  background: #eef1f4;
}
.map-hint {
  margin: 0.25rem 0 0;
  font-size: 0.9rem;
  color: #4a4a4a;
}
.leaflet-marker-icon.map-dot {
  box-sizing: border-box;
  border-radius: 50%;
  border: 2px solid #162e51;
  background: #2378c3;
  box-shadow: 0 0 0 1px #fff;
}
.leaflet-marker-icon.map-cluster {
  display: flex;
  align-items: center;
  justify-content: center;
  box-sizing: border-box;
  border-radius: 50%;
  border: 3px solid #fff;
  background: #162e51;
  color: #fff;
  font: 700 0.85rem/1 system-ui, sans-serif;
  box-shadow: 0 0 0 2px #162e51;
}
.leaflet-container .leaflet-control-attribution a {
  color: #1a4480;
  text-decoration: underline;
}
.map-popup {
  margin: 0;
}
.map-popup dt {
  font-weight: 700;
}
.map-popup dd {
  margin: 0 0 0.25rem;
  overflow-wrap: anywhere;
}
@media (max-width: 30rem) {
  .dataset-map {
    height: 20rem;
  }
}
`;
