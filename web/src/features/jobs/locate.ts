// The browser's position → the nearest reference city, computed on the phone: only the city code leaves it.
// Loaded on the tap that asks for the position (not part of the first screen).
import { findNearestCity } from '../../../../contracts/geo';
import type { City } from '../../app/types';

export type LocateResult = { cityCode: string } | { problem: 'denied' | 'unavailable' };

export function locateCity(cities: readonly City[]): Promise<LocateResult> {
  return new Promise((resolve) => {
    if (!globalThis.navigator?.geolocation) {
      resolve({ problem: 'unavailable' });
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const city = findNearestCity(cities, { latitude: position.coords.latitude, longitude: position.coords.longitude });
        resolve(city ? { cityCode: city.code } : { problem: 'unavailable' });
      },
      (error) => resolve({ problem: error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable' }),
      // A city is all we need: a coarse, cached position is enough.
      { enableHighAccuracy: false, maximumAge: 10 * 60_000, timeout: 15_000 },
    );
  });
}
