import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AccountResolver } from '../accounts/account.resolver.js';
import { LicenseResolver } from '../licensing/license.resolver.js';
import { CensusImportResult } from '../monitor/monitor.model.js';
import { MonitorResolver } from '../monitor/monitor.resolver.js';
import { PublicationResolver } from '../monitor/publication.resolver.js';
import { ReferenceResolver } from '../reference/reference.resolver.js';

let schema: Promise<GraphQLSchema> | undefined;

/** The served schema, built code-first once per process; it must stay compatible with the contract. */
export function servedSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({
    resolvers: [ReferenceResolver, AccountResolver, LicenseResolver, MonitorResolver, PublicationResolver],
    // In the contract though no field returns it yet (the Census import is a REST route).
    orphanedTypes: [CensusImportResult],
    // Rules live in @aim/domain and are applied by the use cases, not by decorators.
    validate: false,
  });
  return schema;
}
