import { Field, ID, ObjectType } from 'type-graphql';
import { ProductType } from '../graphql/enums.js';
import { CountryCodeScalar } from '../graphql/scalars.js';

@ObjectType({ description: 'An ISO 3166-1 country, its name spelled out (SPEC LIC-5).' })
export class Country {
  @Field(() => CountryCodeScalar)
  code!: string;

  @Field(() => String)
  name!: string;
}

@ObjectType()
export class Port {
  @Field(() => ID, { description: 'CBP Schedule D code, 4 digits' })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  state!: string | null;
}

@ObjectType()
export class ProductGroup {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  name!: string;

  @Field(() => ProductType)
  productType!: ProductType;
}

@ObjectType()
export class HtsCode {
  @Field(() => ID, { description: '10 digits, no dots' })
  code!: string;

  @Field(() => String, { description: 'dotted form, e.g. 7601.10.3000' })
  display!: string;

  @Field(() => String)
  hts6!: string;

  @Field(() => String)
  description!: string;

  /** Resolved through the request's DataLoader. */
  productGroupId!: number;

  @Field(() => ProductType)
  productType!: ProductType;
}
