import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client';
import { Product, ProductInput, ProductListQuery, ProductPatch } from '../../schemas/products';
import {
  createProduct,
  deleteProduct,
  getProduct,
  listProducts,
  updateProduct,
} from '../../services/products';
import { registerCrudRoutes } from './crud';

export async function productRoutes(app: FastifyInstance, { db }: { db: Database }) {
  registerCrudRoutes(app, db, {
    path: '/api/products',
    noun: 'product',
    schemas: {
      listQuery: ProductListQuery,
      input: ProductInput,
      patch: ProductPatch,
      item: Product,
      detail: Product,
    },
    service: {
      list: listProducts,
      get: getProduct,
      create: createProduct,
      update: updateProduct,
      remove: deleteProduct,
    },
  });
}
