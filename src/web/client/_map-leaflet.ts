/**
 * Leaflet with the markercluster plugin. The plugin's script extends the `L` that Leaflet's script puts on
 * window, so both are loaded for their effects, in this order, and `L` is taken from window afterwards.
 */
import 'leaflet';
import 'leaflet.markercluster';
import type * as Leaflet from 'leaflet';

export const L = (window as unknown as { L: typeof Leaflet }).L;
