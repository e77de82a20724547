import { Extensions, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Company } from '../accounts/account.model.js';
import { EntryType, LicenseKind, LicenseStatus, ProductType, SmeltAnswer } from '../graphql/enums.js';
import { CountryCodeScalar, DateScalar, DateTimeScalar } from '../graphql/scalars.js';
import { Country, HtsCode, Port } from '../reference/reference.model.js';

// The contract's license types (SPEC LIC). Served now so the schema matches the contract;
// the licensing use cases arrive in their own issue.

@ObjectType()
export class Smelt {
  @Field(() => SmeltAnswer) answer!: SmeltAnswer;
  @Field(() => Country, { nullable: true }) country!: Country | null;
}

@ObjectType()
export class LicenseProduct {
  @Field(() => Int) line!: number;
  @Field(() => HtsCode) hts!: HtsCode;
  @Field(() => Smelt) largestSmelt!: Smelt;
  @Field(() => Smelt) secondSmelt!: Smelt;
  @Field(() => Country) mostRecentCast!: Country;
  @Field(() => Float) volumeKg!: number;
  @Field(() => Float) customsValueUsd!: number;
  @Field(() => Float) unitValueUsdPerKg!: number;
}

@ObjectType()
export class Flag {
  @Field(() => String, { description: 'dotted field path, e.g. products.0.customsValueUsd' }) path!: string;
  @Field(() => String) reason!: string;
}

@ObjectType()
export class LicenseVersion {
  @Field(() => Int) version!: number;
  @Field(() => LicenseStatus) status!: LicenseStatus;
  @Field(() => DateTimeScalar) at!: Date;
  @Field(() => String) by!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType()
export class License {
  @Field(() => ID) id!: string;
  @Field(() => String) number!: string;
  @Field(() => ProductType) productType!: ProductType;
  @Field(() => LicenseKind) kind!: LicenseKind;
  @Field(() => LicenseStatus) status!: LicenseStatus;
  @Field(() => Company) applicant!: Company;
  @Field(() => String) contactName!: string;
  @Field(() => String) contactEmail!: string;
  @Field(() => String, { nullable: true }) customsEntryNumber!: string | null;
  @Field(() => EntryType) entryType!: EntryType;
  @Field(() => String) importerName!: string;
  @Field(() => String, { nullable: true }) exporterName!: string | null;
  @Field(() => [String]) manufacturerNames!: string[];
  @Field(() => Country, { nullable: true }) countryOfOrigin!: Country | null;
  @Field(() => Country, { nullable: true }) countryOfExportation!: Country | null;
  @Field(() => Port, { nullable: true }) portOfEntry!: Port | null;
  @Field(() => DateScalar, { nullable: true }) expectedExportDate!: string | null;
  @Field(() => DateScalar, { nullable: true }) expectedImportDate!: string | null;
  @Field(() => DateScalar) applicationDate!: string;
  @Field(() => DateScalar) validFrom!: string;
  @Field(() => DateScalar, { nullable: true, description: 'null: does not expire (foreign-trade zone)' })
  validThrough!: string | null;
  @Field(() => [LicenseProduct]) products!: LicenseProduct[];
  @Field(() => Float) totalVolumeKg!: number;
  @Field(() => Float) totalCustomsValueUsd!: number;
  @Field(() => [Flag]) flags!: Flag[];
  @Field(() => [LicenseVersion]) history!: LicenseVersion[];
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => DateTimeScalar) updatedAt!: Date;
}

@ObjectType()
export class LicenseEdge {
  @Field(() => String) cursor!: string;
  @Field(() => License) node!: License;
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType()
export class LicenseConnection {
  // Sized by the connection's `first` in the cost limit (graphql/limits.ts).
  @Extensions({ listSize: 1 })
  @Field(() => [LicenseEdge])
  edges!: LicenseEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@InputType()
export class SmeltInput {
  @Field(() => SmeltAnswer) answer!: SmeltAnswer;
  @Field(() => CountryCodeScalar, { nullable: true }) country?: string | null;
}

@InputType()
export class LicenseProductInput {
  @Field(() => String) htsCode!: string;
  @Field(() => SmeltInput) largestSmelt!: SmeltInput;
  @Field(() => SmeltInput) secondSmelt!: SmeltInput;
  @Field(() => CountryCodeScalar) mostRecentCast!: string;
  @Field(() => Float) volumeKg!: number;
  @Field(() => Float) customsValueUsd!: number;
}

@InputType()
export class StandardLicenseInput {
  @Field(() => ProductType, { defaultValue: 'ALUMINUM' }) productType!: ProductType;
  @Field(() => String, { nullable: true }) customsEntryNumber?: string | null;
  @Field(() => EntryType, { defaultValue: 'CONSUMPTION' }) entryType!: EntryType;
  @Field(() => String) importerName!: string;
  @Field(() => String) exporterName!: string;
  @Field(() => [String]) manufacturerNames!: string[];
  @Field(() => CountryCodeScalar) countryOfOrigin!: string;
  @Field(() => CountryCodeScalar) countryOfExportation!: string;
  @Field(() => ID) portOfEntry!: string;
  @Field(() => DateScalar) expectedExportDate!: string;
  @Field(() => DateScalar) expectedImportDate!: string;
  @Field(() => [LicenseProductInput]) products!: LicenseProductInput[];
}

@InputType()
export class LowValueLicenseInput {
  @Field(() => ProductType, { defaultValue: 'ALUMINUM' }) productType!: ProductType;
  @Field(() => String) importerName!: string;
}

@ObjectType()
export class LicensePreview {
  @Field(() => License, { description: 'what submit would store, numbers and dates computed; nothing is written' })
  license!: License;
  @Field(() => [Flag], { description: 'fields that would make the license ACTION_REQUIRED' })
  flags!: Flag[];
}

@InputType()
export class LicenseFilter {
  @Field(() => [LicenseStatus], { nullable: true }) statuses?: LicenseStatus[] | null;
  @Field(() => [LicenseKind], { nullable: true }) kinds?: LicenseKind[] | null;
  @Field(() => ProductType, { nullable: true }) productType?: ProductType | null;
  @Field(() => DateScalar, { nullable: true }) createdFrom?: string | null;
  @Field(() => DateScalar, { nullable: true }) createdTo?: string | null;
  @Field(() => DateScalar, { nullable: true }) importFrom?: string | null;
  @Field(() => DateScalar, { nullable: true }) importTo?: string | null;
  @Field(() => String, { nullable: true, description: 'license number, entry number, importer or exporter' })
  text?: string | null;
}

@ObjectType()
export class SavedLicenseFilter {
  @Field(() => [LicenseStatus], { nullable: true }) statuses!: LicenseStatus[] | null;
  @Field(() => [LicenseKind], { nullable: true }) kinds!: LicenseKind[] | null;
  @Field(() => ProductType, { nullable: true }) productType!: ProductType | null;
  @Field(() => DateScalar, { nullable: true }) createdFrom!: string | null;
  @Field(() => DateScalar, { nullable: true }) createdTo!: string | null;
  @Field(() => DateScalar, { nullable: true }) importFrom!: string | null;
  @Field(() => DateScalar, { nullable: true }) importTo!: string | null;
  @Field(() => String, { nullable: true }) text!: string | null;
}

@ObjectType()
export class SavedSearch {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => SavedLicenseFilter) filter!: SavedLicenseFilter;
  @Field(() => DateTimeScalar) createdAt!: Date;
}

@InputType()
export class ReviewFilter {
  @Field(() => [LicenseStatus], { nullable: true }) statuses?: LicenseStatus[] | null;
  @Field(() => Boolean, { nullable: true }) flaggedOnly?: boolean | null;
  @Field(() => DateScalar, { nullable: true }) createdFrom?: string | null;
  @Field(() => DateScalar, { nullable: true }) createdTo?: string | null;
}

@InputType()
export class FlagInput {
  @Field(() => String) path!: string;
  @Field(() => String) reason!: string;
}
