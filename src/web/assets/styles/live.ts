// Styles of the live sensor map (served in the one theme stylesheet, after the design system's). Every band has
// a shape and a symbol or number besides its colour; text on each colour reaches 4.5:1, and each mark has a dark
// outline that stands out from the map at 3:1 or more.
export const LIVE_STYLES = `
.live-page [hidden] {
  display: none !important;
}
.live-toc ul {
  display: flex;
  flex-wrap: wrap;
  gap: 0.5rem 1.5rem;
}
.live-bar {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  justify-content: space-between;
  gap: 0.5rem 1rem;
  margin: 1rem 0 0.5rem;
}
.live-status {
  margin: 0;
  font-weight: 600;
}
.live-bar .usa-button {
  margin: 0;
}
.live-map {
  height: 28rem;
  max-height: 70vh;
  border: 1px solid #565c65;
  background: #eef1f4;
}
.live-hint {
  margin: 0.25rem 0 0;
  font-size: 0.9rem;
  color: #4a4a4a;
}
.live-layer {
  margin-top: 2rem;
}
.live-legend-title {
  font-size: 1rem;
  margin: 1rem 0 0.5rem;
}
.live-legend {
  display: flex;
  flex-wrap: wrap;
  gap: 0.5rem 1.5rem;
  margin: 0 0 1rem;
}
.live-legend li {
  display: flex;
  align-items: center;
  gap: 0.35rem;
}
.live-table td.live-reading {
  white-space: nowrap;
}
.live-table td.live-band .live-mark {
  margin-right: 0.25rem;
}
.live-mark {
  display: inline-flex;
  align-items: center;
  justify-content: center;
  box-sizing: border-box;
  min-width: 1.5rem;
  height: 1.5rem;
  padding: 0 0.25rem;
  border: 2px solid #1b1b1b;
  font: 700 0.8rem/1 system-ui, sans-serif;
  color: #1b1b1b;
  background: #fff;
  vertical-align: middle;
}
.live-mark--parking {
  border-radius: 50%;
  width: 1.5rem;
  padding: 0;
}
.live-mark--air {
  border-radius: 0.25rem;
}
.live-mark--traffic {
  min-width: 2.25rem;
  border-radius: 0.75rem;
}
.leaflet-marker-icon.live-icon {
  display: flex;
  align-items: center;
  justify-content: center;
  background: none;
  border: 0;
}
.live-icon .live-mark {
  box-shadow: 0 0 0 1px #fff;
}
.live-b-free { background: #00703c; color: #fff; }
.live-b-occupied { background: #b50909; color: #fff; }
.live-b-unknown { background: #dfe1e2; color: #1b1b1b; }
.live-b-out_of_service { background: #1b1b1b; color: #fff; border-color: #fff; outline: 2px solid #1b1b1b; }
.live-b-good { background: #00e400; color: #1b1b1b; }
.live-b-moderate { background: #ffff00; color: #1b1b1b; }
.live-b-sensitive { background: #ff7e00; color: #1b1b1b; }
.live-b-unhealthy { background: #c00000; color: #fff; }
.live-b-very_unhealthy { background: #8f3f97; color: #fff; }
.live-b-hazardous { background: #7e0023; color: #fff; }
.live-b-no_data { background: #fff; color: #1b1b1b; border-style: dashed; }
.live-b-flowing { background: #00703c; color: #fff; }
.live-b-slowed { background: #ffbe2e; color: #1b1b1b; }
.live-b-congested { background: #b50909; color: #fff; }
.live-popup dl {
  margin: 0;
}
.live-popup dt {
  font-weight: 700;
}
.live-popup dd {
  margin: 0 0 0.25rem;
}
@media (max-width: 30rem) {
  .live-map {
    height: 22rem;
  }
}
`;
