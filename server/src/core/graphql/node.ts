import { Field, ID, InterfaceType } from 'type-graphql';

@InterfaceType({ description: 'An object with a global ID, fetchable with the `node` query (Relay global object identification).' })
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global ID. Stable over time; do not parse it.' })
  id!: string;
}

/** Fetches the object behind a decoded global ID, or null when it does not exist. */
export type NodeFetcher<TContext> = (key: string, context: TContext) => Promise<Node | null>;
