/** numeric columns come back from pg as strings; amounts in € are kept to the cent. */
export const moneyColumn = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
