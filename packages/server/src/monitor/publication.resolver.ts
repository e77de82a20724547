import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { AppError, ErrorCode } from '../errors.js';
import { type Context, requireAnalyst } from '../graphql/context.js';
import { DateTimeScalar } from '../graphql/scalars.js';
import { Publication } from './monitor.model.js';

/**
 * Publication (SPEC REV-3). Nothing is published yet, so the list is truthfully empty after the
 * role check, and publishing says it is not released.
 */
@Resolver()
export class PublicationResolver {
  @Query(() => [Publication], { description: '[analyst]' })
  publications(@Ctx() context: Context): Publication[] {
    requireAnalyst(context);
    return [];
  }

  @Mutation(() => Publication, { description: '[analyst] publish everything issued up to now (or cutoff)' })
  publish(@Arg('cutoff', () => DateTimeScalar, { nullable: true }) _cutoff: Date | null, @Ctx() context: Context): Publication {
    requireAnalyst(context);
    throw new AppError(ErrorCode.NOT_IMPLEMENTED, 'Publication opens in a later release of AIM.');
  }
}
