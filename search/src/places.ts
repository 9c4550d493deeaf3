export type Named = { name: string };
export type Place = { latitude?: number | string | null; longitude?: number | string | null };
export type Coordinates = { lat: number; lng: number };

/** A place's coordinates for `_geo`, or null when it has none (decimals may arrive as strings). */
export const coordinates = (place: Place | null | undefined): Coordinates | null => {
  const lat = Number(place?.latitude);
  const lng = Number(place?.longitude);
  return place?.latitude != null && place.longitude != null && Number.isFinite(lat) && Number.isFinite(lng)
    ? { lat, lng }
    : null;
};
