import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { callerOf, type RequestContext } from '../../app/context.js';
import { PageArgs } from '../../core/graphql/pagination.js';
import { Supplier } from '../suppliers/supplier.types.js';
import { supplierChangeLog } from './change-log.service.js';
import { ChangeLogConnection, ChangeLogEdge, ChangeLogEntry, FieldChange } from './change-log.types.js';

@Resolver(() => Supplier)
export class SupplierChangeLogResolver {
  @FieldResolver(() => ChangeLogConnection, {
    nullable: true,
    description: 'Changes of the structure and its offerings, newest first. Its members and admins only (null with FORBIDDEN otherwise).',
  })
  async changeLog(@Root() supplier: Supplier, @Ctx() ctx: RequestContext, @Args(() => PageArgs) page: PageArgs): Promise<ChangeLogConnection> {
    const { edges, pageInfo, countAll } = await supplierChangeLog(ctx, callerOf(ctx), supplier.key, page);
    return Object.assign(new ChangeLogConnection(), {
      edges: edges.map(({ cursor, node }) =>
        Object.assign(new ChangeLogEdge(), {
          cursor,
          node: Object.assign(new ChangeLogEntry(), {
            ...node,
            changes: node.changes.map((change) => Object.assign(new FieldChange(), change)),
          }),
        }),
      ),
      pageInfo,
      countAll,
    });
  }
}
