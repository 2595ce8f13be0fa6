import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A new API key.' })
export class CreateApiKeyInput {
  @Field(() => String, { description: 'Name to recognise where the key is used ("Plateforme achats région", 1 to 100 characters, plain text).' })
  name!: string;
}

@InputType({ description: 'An API key to revoke.' })
export class RevokeApiKeyInput {
  @Field(() => ID, { description: 'Global ID of the key (ApiKey).' })
  apiKeyId!: string;
}
