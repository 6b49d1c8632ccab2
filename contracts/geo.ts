// Distances between places, shared by the server (ranking) and the web app (the browser's position → the
// nearest city, computed in the page so that coordinates never leave the phone).

export type Coordinates = { latitude: number; longitude: number };

const EARTH_RADIUS_KM = 6371;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle (haversine) distance in kilometres. */
export function distanceKm(from: Coordinates, to: Coordinates): number {
  const dLatitude = toRadians(to.latitude - from.latitude);
  const dLongitude = toRadians(to.longitude - from.longitude);
  const a = Math.sin(dLatitude / 2) ** 2 + Math.cos(toRadians(from.latitude)) * Math.cos(toRadians(to.latitude)) * Math.sin(dLongitude / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The city whose reference point is closest to a position (null for an empty list). */
export function findNearestCity<City extends Coordinates>(cities: readonly City[], position: Coordinates): City | null {
  let nearest: City | null = null;
  let nearestKm = Infinity;
  for (const city of cities) {
    const km = distanceKm(position, city);
    if (km < nearestKm) {
      nearest = city;
      nearestKm = km;
    }
  }
  return nearest;
}
