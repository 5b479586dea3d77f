// The map: Natural Earth countries (and, zoomed in, admin1) drawn from the shipped shapes, no
// tiles; a marker per event sized by its toll and coloured by its type, clustered when dense.
// Leaflet, markercluster and topojson-client are the vendored scripts (globals L and topojson).

import { clear, dateRange, eventLink, h, number, place } from "./dom.js";
import { TYPE_COLORS, markerSize, typeColor } from "./colors.js";

const SHAPES = new URL("../shapes/", import.meta.url);
const ADMIN1_FROM_ZOOM = 5;

let countriesShapes = null; // one download for every map on the page
function countries() {
  countriesShapes ??= fetch(new URL("countries.json", SHAPES)).then((response) => response.json());
  return countriesShapes;
}

// A map with the base layers only (the event page's small map uses this too).
export function baseMap(element, options = {}) {
  const map = L.map(element, {
    preferCanvas: true,
    minZoom: 2,
    maxZoom: 10, // no streets to show: past a district, only the shapes would grow
    zoomSnap: 0.5,
    worldCopyJump: true,
    maxBounds: [[-85, -400], [85, 400]],
    ...options,
  });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Base map: Natural Earth (public domain)");
  map.setView([20, 20], 2);
  // The shapes get a pane of their own under the overlays: their canvas, drawn once the file
  // has come, would otherwise cover whatever was drawn before it.
  map.createPane("base").style.zIndex = 250;
  const canvas = L.canvas({ padding: 0.5, pane: "base" });
  countries().then((topology) => {
    const features = topojson.feature(topology, topology.objects.countries);
    L.geoJSON(features, {
      renderer: canvas,
      pane: "base",
      style: { color: "#8d8579", weight: 1.1, fillColor: "#f6f3ec", fillOpacity: 1 },
      onEachFeature: (feature, layer) => layer.bindTooltip(h("span", {}, feature.properties.name), { sticky: true, className: "shape-tip" }),
    }).addTo(map);
    element.dataset.baseMap = "ready";
  });
  addAdmin1(map, canvas);
  return map;
}

// First-level units, fetched per country once the view is close enough to show them.
function addAdmin1(map, renderer) {
  const layer = L.layerGroup();
  const loaded = new Map();
  const index = fetch(new URL("admin1-index.json", SHAPES)).then((response) => response.json());
  const update = async () => {
    if (map.getZoom() < ADMIN1_FROM_ZOOM) {
      layer.remove();
      return;
    }
    layer.addTo(map);
    const view = map.getBounds();
    for (const [iso3, boxes] of Object.entries(await index)) {
      if (loaded.has(iso3) || !boxes.some(([west, south, east, north]) => view.intersects([[south, west], [north, east]]))) continue;
      loaded.set(
        iso3,
        fetch(new URL(`admin1/${iso3}.json`, SHAPES))
          .then((response) => response.json())
          .then(async (topology) => {
            await countries(); // drawn over the countries, never under them
            const shapes = topojson.feature(topology, topology.objects[iso3]);
            L.geoJSON(shapes, {
              renderer,
              pane: "base",
              style: { color: "#b3aa9a", weight: 0.7, dashArray: "4 3", fill: true, fillOpacity: 0 },
              onEachFeature: (feature, shape) => shape.bindTooltip(h("span", {}, feature.properties.name), { sticky: true, className: "shape-tip" }),
            }).addTo(layer);
          }),
      );
    }
  };
  map.on("zoomend moveend", update);
}

function popup(event) {
  return h(
    "div",
    { class: "event-popup" },
    h("div", { class: "popup-type" }, h("span", { class: "swatch", style: { background: typeColor(event.event_type) } }), `${event.event_type} — ${event.sub_event_type}`),
    h("div", {}, h("strong", {}, dateRange(event)), " · ", place(event)),
    h("div", {}, `${number.format(event.fatalities ?? 0)} fatalities`, event.injured ? `, ${number.format(event.injured)} injured` : ""),
    h("div", { class: "popup-actors" }, [event.actor1, event.actor2].filter(Boolean).join(" — ")),
    h("a", { href: eventLink(event.event_id) }, "Open the event →"),
  );
}

function clusterIcon(cluster) {
  const markers = cluster.getAllChildMarkers();
  const byType = new Map();
  let deaths = 0;
  for (const marker of markers) {
    byType.set(marker.options.eventType, (byType.get(marker.options.eventType) ?? 0) + 1);
    deaths += marker.options.fatalities;
  }
  // A ring split by type: what the cluster holds, before opening it.
  let at = 0;
  const stops = [...byType.entries()].map(([type, count]) => {
    const from = at;
    at += (count / markers.length) * 100;
    return `${typeColor(type)} ${from}% ${at}%`;
  });
  const size = markers.length < 10 ? 34 : markers.length < 100 ? 42 : 50;
  return L.divIcon({
    className: "event-cluster-icon",
    iconSize: [size, size],
    html: `<span class="event-cluster" style="background:conic-gradient(${stops.join(",")})" title="${markers.length} events, ${deaths} fatalities"><span>${markers.length}</span></span>`,
  });
}

// The events' map: the base map, the markers, and a legend.
export function eventMap(element) {
  const map = baseMap(element);
  const cluster = L.markerClusterGroup({
    showCoverageOnHover: false,
    maxClusterRadius: 45,
    spiderfyOnMaxZoom: true,
    // Not chunked: the markers are all there once setEvents returns (focus needs them), and
    // the page holds at most 10,000.
    iconCreateFunction: clusterIcon,
  }).addTo(map);
  const markers = new Map();
  // Under the map, not on it: any corner of a world view covers someone's events (bottom right
  // covered South Asia).
  const legendBox = h("div", { class: "map-legend", role: "note", "aria-label": "Map legend" });
  element.after(legendBox);

  function drawLegend(events, placed) {
    const present = new Set(events.map((event) => event.event_type));
    const sizes = [1, 10, 100].map((n) => {
      const d = markerSize(n);
      return h("span", { class: "size-step" }, h("span", { class: "event-marker", style: { width: `${d}px`, height: `${d}px`, background: "#999" } }), String(n));
    });
    clear(
      legendBox,
      Object.keys(TYPE_COLORS)
        .filter((type) => present.has(type))
        .map((type) => h("div", {}, h("span", { class: "swatch", style: { background: typeColor(type) } }), type)),
      h("div", { class: "sizes" }, "Fatalities ", sizes),
      events.length > placed ? h("div", { class: "unplaced" }, `${number.format(events.length - placed)} without coordinates, not shown`) : null,
    );
  }

  return {
    map,
    setEvents(events, { fit = true } = {}) {
      cluster.clearLayers();
      markers.clear();
      const layers = [];
      for (const event of events) {
        if (event.latitude === null || event.latitude === undefined || event.longitude === null || event.longitude === undefined) continue;
        const d = markerSize(event.fatalities);
        const icon = L.divIcon({
          className: "event-marker-icon",
          iconSize: [d, d],
          html: `<span class="event-marker" data-event-id="${encodeURIComponent(event.event_id)}" data-lat="${Number(event.latitude)}" data-lng="${Number(event.longitude)}" style="width:${d}px;height:${d}px;background:${typeColor(event.event_type)}"></span>`,
        });
        const marker = L.marker([event.latitude, event.longitude], {
          icon,
          title: `${event.event_date ?? "date unknown"}: ${event.event_type}, ${event.fatalities ?? 0} fatalities`,
          eventType: event.event_type,
          fatalities: event.fatalities ?? 0,
          eventId: event.event_id,
        });
        marker.bindPopup(() => popup(event));
        markers.set(event.event_id, marker);
        layers.push(marker);
      }
      cluster.addLayers(layers);
      element.dataset.markers = String(layers.length);
      drawLegend(events, layers.length);
      // Not animated: an event to focus on next must not meet a zoom half done.
      if (fit && layers.length) map.fitBounds(cluster.getBounds(), { padding: [30, 30], maxZoom: 7, animate: false });
    },
    markerCount: () => markers.size,
    // Where Leaflet put an event's marker, for the tests and the "show on map" link.
    markerLatLng(id) {
      const at = markers.get(id)?.getLatLng();
      return at ? { lat: at.lat, lng: at.lng } : null;
    },
    focus(id) {
      const marker = markers.get(id);
      if (!marker) return Promise.resolve(false);
      return new Promise((resolve) =>
        cluster.zoomToShowLayer(marker, () => {
          marker.openPopup();
          resolve(true);
        }),
      );
    },
  };
}
