import { tables } from '@aim/db';
import { and, asc, eq, ilike, or } from 'drizzle-orm';
import { Arg, Ctx, Extensions, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { ProductType } from '../graphql/enums.js';
import { Country, HtsCode, Port, ProductGroup } from './reference.model.js';

const PORT_SEARCH_LIMIT = 50;

/** Reference data: countries, ports, product groups, covered HTS codes. */
@Resolver(() => HtsCode)
export class ReferenceResolver {
  @Extensions({ listSize: 300 })
  @Query(() => [Country])
  countries(@Ctx() { db }: Context): Promise<Country[]> {
    return db.select().from(tables.countries).orderBy(asc(tables.countries.name));
  }

  @Extensions({ listSize: 600 })
  @Query(() => [Port], { description: 'all ports, or up to 50 whose code or name contains `search`' })
  ports(@Arg('search', () => String, { nullable: true }) search: string | null, @Ctx() { db }: Context): Promise<Port[]> {
    const term = search?.trim();
    if (!term) return db.select().from(tables.ports).orderBy(asc(tables.ports.code));
    const pattern = `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    return db
      .select()
      .from(tables.ports)
      .where(or(ilike(tables.ports.code, pattern), ilike(tables.ports.name, pattern)))
      .orderBy(asc(tables.ports.code))
      .limit(PORT_SEARCH_LIMIT);
  }

  @Extensions({ listSize: 20 })
  @Query(() => [ProductGroup])
  productGroups(
    @Arg('productType', () => ProductType, { nullable: true, defaultValue: 'ALUMINUM' }) productType: ProductType | null,
    @Ctx() { db }: Context,
  ): Promise<ProductGroup[]> {
    return db
      .select()
      .from(tables.productGroups)
      .where(eq(tables.productGroups.productType, productType ?? 'ALUMINUM'))
      .orderBy(asc(tables.productGroups.id));
  }

  @Extensions({ listSize: 100 })
  @Query(() => [HtsCode], { description: 'current codes, those a new license accepts (SPEC LIC-2)' })
  htsCodes(
    @Arg('productType', () => ProductType, { nullable: true, defaultValue: 'ALUMINUM' }) productType: ProductType | null,
    @Ctx() { db }: Context,
  ): Promise<HtsCode[]> {
    return db
      .select()
      .from(tables.htsCodes)
      .where(and(eq(tables.htsCodes.productType, productType ?? 'ALUMINUM'), eq(tables.htsCodes.status, 'current')))
      .orderBy(asc(tables.htsCodes.code));
  }

  @Query(() => HtsCode, { nullable: true, description: 'any covered code, historical ones included; dots optional' })
  async hts(@Arg('code', () => String) code: string, @Ctx() { db }: Context): Promise<HtsCode | null> {
    const digits = code.replace(/[.\s]/g, '');
    if (!/^\d{10}$/.test(digits)) return null;
    const [row] = await db.select().from(tables.htsCodes).where(eq(tables.htsCodes.code, digits));
    return row ?? null;
  }

  @FieldResolver(() => ProductGroup)
  async productGroup(@Root() hts: HtsCode, @Ctx() { loaders }: Context): Promise<ProductGroup> {
    const group = await loaders.productGroup.load(hts.productGroupId);
    if (!group) throw new Error(`HTS ${hts.code} names a missing product group ${hts.productGroupId}`);
    return group;
  }
}
