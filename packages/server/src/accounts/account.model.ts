import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { CompanyType, Role } from '../graphql/enums.js';
import { DateTimeScalar } from '../graphql/scalars.js';

@ObjectType({ description: 'The filer’s company (SPEC ACC-3).' })
export class Company {
  @Field(() => String) ein!: string;
  @Field(() => String) name!: string;
  @Field(() => CompanyType) type!: CompanyType;
  @Field(() => String) street!: string;
  @Field(() => String) city!: string;
  @Field(() => String) state!: string;
  @Field(() => String) zip!: string;
  @Field(() => String) phone!: string;
  @Field(() => String, { nullable: true }) fax!: string | null;
  @Field(() => String, { nullable: true }) branchName!: string | null;
  @Field(() => String, { nullable: true }) branchAddress!: string | null;
}

@ObjectType()
export class User {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => String, { nullable: true }) alternateEmail!: string | null;
  @Field(() => String) displayName!: string;
  @Field(() => String) firstName!: string;
  @Field(() => String) lastName!: string;
  @Field(() => Role) role!: Role;
  /** Resolved through the request's DataLoader. */
  companyId!: string | null;
}

@ObjectType()
export class AuthPayload {
  @Field(() => User) user!: User;
}

@ObjectType()
export class ApiToken {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true }) lastUsedAt!: Date | null;
}

@ObjectType()
export class NewApiToken {
  @Field(() => ApiToken) token!: ApiToken;
  @Field(() => String, { description: 'shown once' }) secret!: string;
}

@InputType()
export class SignUpInput {
  @Field(() => String) email!: string;
  @Field(() => String) code!: string;
  @Field(() => String) displayName!: string;
  @Field(() => String) firstName!: string;
  @Field(() => String) lastName!: string;
  @Field(() => String) password!: string;
}

@InputType()
export class ProfileInput {
  @Field(() => String) ein!: string;
  @Field(() => String) companyName!: string;
  @Field(() => CompanyType) companyType!: CompanyType;
  @Field(() => String) street!: string;
  @Field(() => String) city!: string;
  @Field(() => String) state!: string;
  @Field(() => String) zip!: string;
  @Field(() => String) phone!: string;
  @Field(() => String, { nullable: true }) fax?: string | null;
  @Field(() => String, { nullable: true }) alternateEmail?: string | null;
  @Field(() => String, { nullable: true }) branchName?: string | null;
  @Field(() => String, { nullable: true }) branchAddress?: string | null;
}
