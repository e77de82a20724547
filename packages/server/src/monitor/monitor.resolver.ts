import { Arg, FieldResolver, Int, Query, Resolver } from 'type-graphql';
import { Dimension, SortOrder } from '../graphql/enums.js';
import { Monitor, MonitorFilter, MonitorTable } from './monitor.model.js';

/**
 * The public monitor (SPEC MON). Nothing is published yet (REV-3), so it answers truthfully:
 * no publication, no months, no cells.
 */
@Resolver(() => Monitor)
export class MonitorResolver {
  @Query(() => Monitor)
  monitor(): Monitor {
    return { publication: null, months: [] };
  }

  @FieldResolver(() => MonitorTable, {
    description:
      'the cells of one published table (SPEC MON-6 b): at most two dimension families besides MONTH, YEAR and SOURCE; a filtered dimension counts as grouped; without MONTH or YEAR the filter names one month or one year',
  })
  table(
    @Arg('groupBy', () => [Dimension]) _groupBy: Dimension[],
    @Arg('filter', () => MonitorFilter, { nullable: true }) _filter: MonitorFilter | null,
    @Arg('orderBy', () => Dimension, { nullable: true }) _orderBy: Dimension | null,
    @Arg('order', () => SortOrder, { nullable: true, defaultValue: 'ASC' }) _order: SortOrder | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 1000 }) _first: number | null,
  ): MonitorTable {
    return { cells: [], totalMetricTons: 0, totalCustomsValueUsd: 0, publication: null };
  }
}
