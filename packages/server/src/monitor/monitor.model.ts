import { Extensions, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DataSource } from '../graphql/enums.js';
import { CountryCodeScalar, DateTimeScalar, YearMonthScalar } from '../graphql/scalars.js';
import { Smelt } from '../licensing/license.model.js';
import { Country, ProductGroup } from '../reference/reference.model.js';

// The contract's monitor and publication types (SPEC MON, REV-3). Served now so the schema
// matches the contract; the aggregates arrive with the first publication.

@ObjectType()
export class Publication {
  @Field(() => ID) id!: string;
  @Field(() => DateTimeScalar, { description: 'licenses issued up to this instant are included' }) cutoff!: Date;
  @Field(() => DateTimeScalar) publishedAt!: Date;
  @Field(() => [YearMonthScalar]) licenseMonths!: string[];
  @Field(() => [YearMonthScalar]) censusMonths!: string[];
}

@ObjectType()
export class CensusImportResult {
  @Field(() => [YearMonthScalar]) months!: string[];
  @Field(() => Int) rows!: number;
}

@InputType()
export class MonitorFilter {
  @Field(() => YearMonthScalar, { nullable: true }) from?: string | null;
  @Field(() => YearMonthScalar, { nullable: true }) to?: string | null;
  @Field(() => [ID], { nullable: true }) productGroups?: string[] | null;
  @Field(() => [String], { nullable: true }) hts6?: string[] | null;
  @Field(() => [CountryCodeScalar], { nullable: true }) countriesOfOrigin?: string[] | null;
  @Field(() => [CountryCodeScalar], { nullable: true }) countriesOfExportation?: string[] | null;
  @Field(() => [CountryCodeScalar], { nullable: true }) largestSmelt?: string[] | null;
  @Field(() => [CountryCodeScalar], { nullable: true }) mostRecentCast?: string[] | null;
  @Field(() => DataSource, { nullable: true }) source?: DataSource | null;
}

@ObjectType()
export class MonitorCell {
  @Field(() => YearMonthScalar, { nullable: true }) month!: string | null;
  @Field(() => Int, { nullable: true }) year!: number | null;
  @Field(() => ProductGroup, { nullable: true }) productGroup!: ProductGroup | null;
  @Field(() => String, { nullable: true }) hts6!: string | null;
  @Field(() => String, { nullable: true }) hts10!: string | null;
  @Field(() => Country, { nullable: true }) countryOfOrigin!: Country | null;
  @Field(() => Country, { nullable: true }) countryOfExportation!: Country | null;
  @Field(() => Smelt, { nullable: true }) largestSmelt!: Smelt | null;
  @Field(() => Smelt, { nullable: true }) secondSmelt!: Smelt | null;
  @Field(() => Country, { nullable: true }) mostRecentCast!: Country | null;
  @Field(() => DataSource, { nullable: true }) source!: DataSource | null;
  @Field(() => Float, { nullable: true, description: 'null when suppressed' }) metricTons!: number | null;
  @Field(() => Float, { nullable: true, description: 'null when suppressed' }) customsValueUsd!: number | null;
  @Field(() => Float, { nullable: true, description: 'null when suppressed' }) unitValueUsdPerTon!: number | null;
  @Field(() => Boolean) suppressed!: boolean;
}

@ObjectType()
export class MonitorTable {
  // Sized by the table's `first` in the cost limit (graphql/limits.ts).
  @Extensions({ listSize: 1 })
  @Field(() => [MonitorCell])
  cells!: MonitorCell[];
  @Field(() => Float, {
    description: 'the sum of the published (not suppressed) cells of this answer, so that no total reveals a withheld value (SPEC MON-6)',
  })
  totalMetricTons!: number;
  @Field(() => Float, { description: 'the sum of the published (not suppressed) cells of this answer (SPEC MON-6)' })
  totalCustomsValueUsd!: number;
  @Field(() => Publication, { nullable: true }) publication!: Publication | null;
}

@ObjectType()
export class Monitor {
  @Field(() => Publication, { nullable: true, description: 'null before the first publication' })
  publication!: Publication | null;
  @Field(() => [YearMonthScalar]) months!: string[];
}
