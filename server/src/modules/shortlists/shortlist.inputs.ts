import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A new shortlist.' })
export class CreateShortlistInput {
  @Field(() => String, { description: 'Name of the list (1 to 100 characters, plain text).' })
  name!: string;
}

@InputType({ description: 'Selects one of your shortlists.' })
export class ShortlistSelectorInput {
  @Field(() => ID, { description: 'Global ID of the list.' })
  shortlistId!: string;
}

@InputType({ description: 'A new name for a shortlist.' })
export class RenameShortlistInput extends ShortlistSelectorInput {
  @Field(() => String, { description: 'New name (1 to 100 characters, plain text).' })
  name!: string;
}

@InputType({ description: 'A structure of a shortlist.' })
export class ShortlistEntrySelectorInput extends ShortlistSelectorInput {
  @Field(() => ID, { description: 'Global ID of the structure (Supplier).' })
  supplierId!: string;
}

@InputType({ description: 'A structure to add to a shortlist.' })
export class AddToShortlistInput extends ShortlistEntrySelectorInput {
  @Field(() => String, {
    nullable: true,
    description: 'Note about the structure (plain text, at most 2 000 characters). Omitted: an existing note is kept.',
  })
  note?: string | null;
}

@InputType({ description: 'A new note about a structure of a shortlist.' })
export class UpdateShortlistNoteInput extends ShortlistEntrySelectorInput {
  @Field(() => String, { description: 'The note (plain text, at most 2 000 characters; "" clears it).' })
  note!: string;
}

@InputType({ description: 'The anonymous shortlist of a browser (kept on the device) to add to an account at sign-in.' })
export class MergeShortlistInput {
  @Field(() => [ID], { description: 'Global IDs of the structures (at most 500); unknown, unpublished and repeated ones are skipped.' })
  supplierIds!: string[];

  @Field(() => ID, {
    nullable: true,
    description: 'The list to add them to; default: the account\'s first list, created as "Ma sélection" when it has none.',
  })
  shortlistId?: string | null;
}
