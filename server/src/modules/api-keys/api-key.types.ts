import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionType, EdgeType } from '../../core/graphql/pagination.js';
import { UserError } from '../../core/graphql/user-error.js';
import { Account } from '../accounts/account.types.js';

@ObjectType({ description: 'Requests made with an API key during one day (UTC).' })
export class ApiKeyDailyUsage {
  @Field(() => String, { description: 'The day, `YYYY-MM-DD`, in UTC.' })
  day!: string;

  @Field(() => Int, { description: 'Requests served (with or without errors).' })
  calls!: number;

  @Field(() => Int, { description: 'Requests served whose response had errors (HTTP status 400 or more, or `errors` in the result).' })
  errors!: number;

  @Field(() => Int, { description: 'Requests refused because the key was over its rate limit (HTTP 429); not counted in `calls`.' })
  rateLimited!: number;
}

@ObjectType({
  description:
    'Use of an API key over the last 30 days (UTC), counted by the servers and written every few seconds: the last seconds may not be counted yet.',
})
export class ApiKeyUsage {
  @Field(() => Int, { description: 'Requests served over the 30 days.' })
  calls!: number;

  @Field(() => Int, { description: 'Requests served with errors over the 30 days.' })
  errors!: number;

  @Field(() => Int, { description: 'Requests refused by the rate limit over the 30 days.' })
  rateLimited!: number;

  @Field(() => [ApiKeyDailyUsage], { description: 'One entry per day, oldest first, today last (30 entries; days without requests count 0).' })
  days!: ApiKeyDailyUsage[];
}

@ObjectType({
  description:
    'A key for third-party programs calling the API (`Authorization: Bearer <key>`): it raises the rate limit and identifies the client. Read-only. The key itself is shown only once, when created.',
})
export class ApiKey {
  @Field(() => ID, { description: 'Opaque global ID.' })
  id!: string;

  @Field(() => String, { description: 'Name given by the owner, to recognise where the key is used (plain text, 1 to 100 characters).' })
  name!: string;

  @Field(() => String, { description: 'Start of the key (`ai_` and 8 characters), shown in lists and server logs; not a secret.' })
  prefix!: string;

  @Field(() => Account, { description: 'The account that created the key.' })
  owner!: Account;

  @Field(() => DateTimeResolver, { description: 'When the key was created.' })
  createdAt!: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Last request served with the key (within a few seconds); null if never used.' })
  lastUsedAt!: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the key was revoked; requests with it are refused (HTTP 401) from then on. Null while it works.' })
  revokedAt!: Date | null;

  loadUsage!: () => Promise<ApiKeyUsage>;

  @Field(() => ApiKeyUsage, { description: 'Requests made with the key over the last 30 days.' })
  usage(): Promise<ApiKeyUsage> {
    return this.loadUsage();
  }
}

@ObjectType('ApiKeyEdge', { description: 'An API key in a list.' })
export class ApiKeyEdge extends EdgeType(ApiKey, 'API key') {}

@ObjectType('ApiKeyConnection', { description: 'A page of API keys, newest first (Relay connection).' })
export class ApiKeyConnection extends ConnectionType(ApiKeyEdge, 'API keys') {}

@ObjectType({ description: 'Result of `createApiKey`.' })
export class CreateApiKeyPayload {
  @Field(() => ApiKey, { nullable: true, description: 'The new key; null on failure.' })
  apiKey!: ApiKey | null;

  @Field(() => String, {
    nullable: true,
    description: 'The key to send in `Authorization: Bearer <key>`. Shown this once only: it is stored hashed and cannot be read again. Null on failure.',
  })
  key!: string | null;

  @Field(() => [UserError], { description: 'Why no key was created; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of `revokeApiKey`.' })
export class RevokeApiKeyPayload {
  @Field(() => ApiKey, { nullable: true, description: 'The key, now revoked; null on failure.' })
  apiKey!: ApiKey | null;

  @Field(() => [UserError], { description: 'Why the key was not revoked; empty on success.' })
  userErrors!: UserError[];
}
