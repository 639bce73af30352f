/* Fixed settings of the map page. */

export const MIN_DATE = '2014-01-01';
export const SLIDER_FIRST_YEAR = 2016;
// The server sends one point per premise from this tile zoom up, aggregates below it.
export const PREMISES_DETAIL_ZOOM = 15;
export const PREMISES_MIN_ZOOM = 10;
export const EXCHANGES_MIN_ZOOM = 10;
export const LOOKUP_ZOOM = 17;
export const SUGGEST_MIN_CHARS = 3;
export const SUGGEST_DELAY_MS = 200;
// Dragging the quarter slider must not fire one areas request per quarter crossed (the public
// eligibility API is rate limited per client).
export const AREAS_DELAY_MS = 250;
export const SUGGESTIONS_MAX = 10;
// A chosen street lists all its numbers (the list scrolls); the server sends 500 at most.
export const NUMBERS_MAX = 500;
// Deepest tile zoom we ask for, per layer; deeper views over-zoom these tiles. Admin boundaries
// gain nothing past 12–14; premises go further so that a tile the server had to cap (dense town
// centres) can still be split by zooming in.
export const TILE_MAX_ZOOM = { departments: 12, communes: 14, zones: 14, buildings: 18, exchanges: 14, ruhd: 14 };
// Truncated tiles remembered for the notice; past this the oldest are forgotten.
export const TRUNCATED_MAX = 2000;
export const BRITTANY_LONLAT = [-5.2, 47.25, -1.0, 48.95];
export const LAYER_NAMES = ['departments', 'communes', 'zones', 'premises', 'exchanges', 'ruhd'];
// Topmost first: a click on a premise inside a zone inside a commune opens the premise.
export const PICK_ORDER = ['premises', 'exchanges', 'ruhd', 'zones', 'communes', 'departments'];
export const POINTER_LAYERS = new Set(['premises', 'exchanges', 'ruhd']);

export const TRANCHES = ['P1T1', 'P1T2', 'P2', 'P3'];
export const STATES = ['CIBLE', 'SIGNE', 'EN_COURS', 'DEPLOYE', 'RACCORDABLE_DEMANDE', 'ABANDONNE'];
export const SPEED_CLASSES = ['INELIGIBLE', 'BELOW_3', 'FROM_3', 'FROM_8', 'FROM_30', 'FROM_100', 'FROM_1000'];
export const LOTS = [1, 2, 3];

// Aggregate circles: radius = k·√count, so the area is proportional to the count.
export const AGG_RADIUS_K = 0.25;
export const AGG_RADIUS_MIN = 3;
export const AGG_RADIUS_MAX = 40;
export const AGG_LABEL_MIN_RADIUS = 11;
export const AGG_LEGEND_COUNTS = [100, 1000, 10000];
