/**
 * Great-circle distance in km (haversine on a 6 371 km sphere): the SQL function
 * distance_km() of the initial migration, operation for operation, so that code and SQL
 * agree on which supplier is within a radius. The one copy in TypeScript: the directory index,
 * imports and the demo generator use it.
 */
export function distanceKm(latitude1: number, longitude1: number, latitude2: number, longitude2: number): number {
  const radians = Math.PI / 180;
  return (
    12742.0 *
    Math.asin(
      Math.sqrt(
        Math.sin(((latitude2 - latitude1) * radians) / 2) ** 2 +
          Math.cos(latitude1 * radians) * Math.cos(latitude2 * radians) * Math.sin(((longitude2 - longitude1) * radians) / 2) ** 2,
      ),
    )
  );
}
