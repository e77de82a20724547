import { Arg, Ctx, Extensions, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { ProductType } from '../graphql/enums.js';
import { Country, HtsCode, Port, ProductGroup } from './reference.model.js';
import { referenceData } from './reference-data.js';

const PORT_SEARCH_LIMIT = 50;

/** Reference data: countries, ports, product groups, covered HTS codes, all answered from memory. */
@Resolver(() => HtsCode)
export class ReferenceResolver {
  @Extensions({ listSize: 300 })
  @Query(() => [Country])
  async countries(@Ctx() { db }: Context): Promise<readonly Country[]> {
    return (await referenceData(db)).countries;
  }

  @Extensions({ listSize: 600 })
  @Query(() => [Port], { description: 'all ports, or up to 50 whose code or name contains `search`' })
  async ports(@Arg('search', () => String, { nullable: true }) search: string | null, @Ctx() { db }: Context): Promise<readonly Port[]> {
    const { ports } = await referenceData(db);
    const term = search?.trim().toUpperCase();
    if (!term) return ports;
    return ports.filter((port) => port.code.includes(term) || port.name.toUpperCase().includes(term)).slice(0, PORT_SEARCH_LIMIT);
  }

  @Extensions({ listSize: 20 })
  @Query(() => [ProductGroup])
  async productGroups(
    @Arg('productType', () => ProductType, { nullable: true, defaultValue: 'ALUMINUM' }) productType: ProductType | null,
    @Ctx() { db }: Context,
  ): Promise<ProductGroup[]> {
    const type = productType ?? 'ALUMINUM';
    return (await referenceData(db)).productGroups.filter((group) => group.productType === type);
  }

  @Extensions({ listSize: 100 })
  @Query(() => [HtsCode], { description: 'current codes, those a new license accepts (SPEC LIC-2)' })
  async htsCodes(
    @Arg('productType', () => ProductType, { nullable: true, defaultValue: 'ALUMINUM' }) productType: ProductType | null,
    @Ctx() { db }: Context,
  ): Promise<HtsCode[]> {
    const type = productType ?? 'ALUMINUM';
    return (await referenceData(db)).htsCodes.filter((hts) => hts.productType === type && hts.status === 'current');
  }

  @Query(() => HtsCode, { nullable: true, description: 'any covered code, historical ones included; dots optional' })
  async hts(@Arg('code', () => String) code: string, @Ctx() { db }: Context): Promise<HtsCode | null> {
    const digits = code.replace(/[.\s]/g, '');
    return (await referenceData(db)).htsByCode.get(digits) ?? null;
  }

  @FieldResolver(() => ProductGroup)
  async productGroup(@Root() hts: HtsCode, @Ctx() { db }: Context): Promise<ProductGroup> {
    const group = (await referenceData(db)).productGroupById.get(hts.productGroupId);
    if (!group) throw new Error(`HTS ${hts.code} names a missing product group ${hts.productGroupId}`);
    return group;
  }
}
