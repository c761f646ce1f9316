import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-seed-transaction';

// Seed files by the default globs (`prisma/seed.ts`, `seeds/**`, `seeders/**`,
// `**/seed.*`, `**/seed-*`, `**/seed_*`). Each invalid case pins the message
// data, the full location and every suggestion's output (the rule never
// autofixes: moving writes into a transaction changes what a script does).
const ruleTester = new RuleTester();

ruleTester.run('require-seed-transaction', rule, {
  valid: [
    {
      name: "not a seed file",
      filename: "src/users/service.ts",
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function register() {
  await prisma.user.create({ data: {} });
  await prisma.profile.create({ data: {} });
}`,
    },
    {
      name: "a migration is never a seed file",
      filename: "db/migrations/seeds/001_roles.js",
      code: `exports.up = async (knex) => {
  await knex('roles').del();
  await knex('roles').insert([{ name: 'admin' }]);
};`,
    },
    {
      name: "prisma: one single write",
      filename: "prisma/seed.ts",
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
async function main() {
  await prisma.user.upsert({ where: { email: 'a@b.c' }, update: {}, create: { email: 'a@b.c' } });
}
main().finally(() => prisma.$disconnect());`,
    },
    {
      name: "prisma: reads only, and collections that are not clients",
      filename: "prisma/seed.ts",
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
async function main() {
  const cache = new Map<string, number>();
  const users = await prisma.user.findMany();
  for (const user of users) { cache.delete(user.id); cache.set(user.id, 1); }
  await prisma.user.count();
  console.log(Object.create(null), Reflect.deleteProperty({}, 'a'));
}
main();`,
    },
    {
      name: "prisma: everything through the handle, loops inside the transaction",
      filename: "prisma/seed.ts",
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
async function main() {
  await prisma.$transaction(async (tx) => {
    await tx.post.deleteMany();
    await tx.user.deleteMany();
    for (const user of users) await tx.user.create({ data: user });
    await Promise.all(posts.map((post) => tx.post.create({ data: post })));
  });
}
main();`,
    },
    {
      name: "prisma: batch transaction, written inline and through a variable",
      filename: "prisma/seed.ts",
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
async function main() {
  await prisma.$transaction([prisma.post.deleteMany(), prisma.user.deleteMany(), ...users.map((data) => prisma.user.create({ data }))]);
}
async function again() {
  const operations = [prisma.post.deleteMany()];
  for (const data of users) operations.push(prisma.user.create({ data }));
  await prisma.$transaction(operations);
}
main().then(again);`,
    },
    {
      name: "prisma: a helper handed the transaction handle",
      filename: "prisma/seed.ts",
      code: `import { PrismaClient, type Prisma } from '@prisma/client';
const prisma = new PrismaClient();
async function createUser(db: Prisma.TransactionClient, email: string) {
  await db.user.create({ data: { email } });
  await db.profile.create({ data: { email } });
}
async function main() {
  await prisma.$transaction(async (tx) => {
    for (const email of emails) await createUser(tx, email);
  });
}
main();`,
    },
    {
      name: "helpers defined in another file: the rule cannot tell, so it stays silent",
      filename: "prisma/seed.ts",
      code: `import { PrismaClient } from '@prisma/client';
import { seedUsers, seedPosts } from './seeds/helpers';
const prisma = new PrismaClient();
async function main() {
  await seedUsers(prisma);
  await seedPosts(prisma);
}
main();`,
    },
    {
      name: "knex: transaction callback",
      filename: "seeds/01_users.js",
      code: `exports.seed = async function (knex) {
  await knex.transaction(async (trx) => {
    await trx('users').del();
    await trx('users').insert([{ id: 1, email: 'a@b.c' }]).onConflict('id').merge();
  });
};`,
    },
    {
      name: "knex: unmanaged transaction with commit",
      filename: "seeds/01_users.ts",
      code: `import type { Knex } from 'knex';
export async function seed(knex: Knex): Promise<void> {
  const trx = await knex.transaction();
  try {
    await trx('users').del();
    await trx.insert([{ id: 1 }]).into('users');
    await trx.commit();
  } catch (error) {
    await trx.rollback();
    throw error;
  }
}`,
    },
    {
      name: "sequelize: every write passes the managed transaction",
      filename: "seeders/20240101-users.js",
      code: `const { sequelize, User, Post } = require('../models');
module.exports = {
  async up() {
    await sequelize.transaction(async (t) => {
      await User.bulkCreate(users, { transaction: t });
      await Post.destroy({ where: {}, transaction: t });
      await sequelize.query('UPDATE users SET active = true', { transaction: t });
    });
  },
};`,
    },
    {
      name: "sequelize-cli: queryInterface with an unmanaged transaction",
      filename: "seeders/20240101-roles.js",
      code: `module.exports = {
  async up(queryInterface) {
    const transaction = await queryInterface.sequelize.transaction();
    try {
      await queryInterface.bulkInsert('roles', roles, { transaction });
      await queryInterface.bulkInsert('permissions', permissions, { transaction });
      await transaction.commit();
    } catch (error) {
      await transaction.rollback();
      throw error;
    }
  },
  async down(queryInterface) {
    await queryInterface.bulkDelete('roles', null, {});
  },
};`,
    },
    {
      name: "sequelize-cli: one write per step",
      filename: "seeders/20240101-roles.js",
      code: `module.exports = {
  up: (queryInterface) => queryInterface.bulkInsert('roles', [{ name: 'admin' }], {}),
  down: (queryInterface) => queryInterface.bulkDelete('roles', null, {}),
};`,
    },
    {
      name: "sequelize: options the rule cannot read",
      filename: "seeders/20240101-roles.js",
      code: `const { User } = require('../models');
module.exports = {
  async up(queryInterface, Sequelize, options) {
    await User.create({ name: 'a' }, options);
    await User.create({ name: 'b' }, { ...options });
  },
};`,
    },
    {
      name: "sequelize: CLS hands the transaction to every query (option)",
      filename: "seeders/20240101-users.js",
      options: [{"sequelizeCls":true}],
      code: `const { sequelize, User } = require('../models');
module.exports = {
  async up() {
    await sequelize.transaction(async () => {
      await User.create({ name: 'a' });
      await User.create({ name: 'b' });
    });
  },
};`,
    },
    {
      name: "typeorm: entity manager and repositories from it",
      filename: "src/seeds/users.seed.ts",
      code: `import { DataSource } from 'typeorm';
import { User, Post } from '../entities';
export async function seed(dataSource: DataSource) {
  await dataSource.transaction(async (manager) => {
    await manager.delete(Post, {});
    const users = manager.getRepository(User);
    await users.save([{ name: 'a' }]);
    await manager.createQueryBuilder().insert().into(Post).values([{ title: 'x' }]).execute();
  });
}`,
    },
    {
      name: "typeorm: query runner transaction",
      filename: "src/seeds/users.seed.ts",
      code: `import { DataSource } from 'typeorm';
export async function seed(dataSource: DataSource) {
  const queryRunner = dataSource.createQueryRunner();
  await queryRunner.startTransaction();
  try {
    await queryRunner.manager.save(User, { name: 'a' });
    await queryRunner.query('INSERT INTO audit (event) VALUES ($1)', ['seed']);
    await queryRunner.commitTransaction();
  } catch (error) {
    await queryRunner.rollbackTransaction();
  } finally {
    await queryRunner.release();
  }
}`,
    },
    {
      name: "drizzle and kysely: through the handle",
      filename: "db/seed.ts",
      code: `import { drizzle } from 'drizzle-orm/node-postgres';
import { Kysely } from 'kysely';
import { users, posts } from './schema';
const db = drizzle(process.env.DATABASE_URL!);
declare const kysely: Kysely<Database>;
export async function seedDrizzle() {
  await db.transaction(async (tx) => {
    await tx.delete(posts);
    await tx.insert(users).values([{ name: 'a' }]).onConflictDoNothing();
  });
}
export async function seedKysely() {
  await kysely.transaction().setIsolationLevel('serializable').execute(async (trx) => {
    await trx.deleteFrom('person').execute();
    await trx.insertInto('person').values({ name: 'a' }).execute();
  });
}`,
    },
    {
      name: "pg: BEGIN … COMMIT on the same client, with a loop inside",
      filename: "scripts/seed.ts",
      code: `import { Pool } from 'pg';
const pool = new Pool();
async function seed() {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('DELETE FROM users');
    for (const user of users) await client.query('INSERT INTO users (email) VALUES ($1)', [user.email]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
seed();`,
    },
    {
      name: "pg: statements in one query string run as one implicit transaction",
      filename: "scripts/seed.ts",
      code: `import { Client } from 'pg';
const client = new Client();
await client.query(\`
  DELETE FROM users;
  INSERT INTO users (email) VALUES ('a@b.c');
\`);`,
    },
    {
      name: "postgres.js: sql.begin",
      filename: "scripts/seed.mjs",
      code: `import postgres from 'postgres';
const sql = postgres();
await sql.begin(async (sql) => {
  await sql\`DELETE FROM users\`;
  await sql\`INSERT INTO users \${sql(rows)}\`;
});`,
    },
    {
      name: "mongoose models are not SQL writes",
      filename: "seeds/users.js",
      code: `const mongoose = require('mongoose');
const User = mongoose.model('User');
async function seed() {
  await User.create({ name: 'a' });
  await User.create({ name: 'b' });
}
seed();`,
    },
    {
      name: "a capitalised create that is not a model",
      filename: "seeds/users.js",
      code: `const Factory = require('./factory');
async function seed() {
  const a = Factory.create('user');
  const b = Factory.create('post');
  return [a, b];
}
seed();`,
    },
    {
      name: "settings.guardrails.seeds replaces the defaults",
      filename: "prisma/seed.ts",
      settings: {"guardrails":{"seeds":["fixtures/**"]}},
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
await prisma.user.create({ data: {} });
await prisma.post.create({ data: {} });`,
    },
    {
      name: "a callback handed its client by an unknown function (maybe a transaction)",
      filename: "src/db/seed.ts",
      code: `import { db } from './db';
await runSeeds(async (tx) => {
  await tx.insert(categories).values(rows);
  await tx.insert(products).values(rows);
});`,
    },
    {
      name: "a wrapper whose name says it is a transaction",
      filename: "src/database/seeds/users.seed.ts",
      code: `import { DataSource } from 'typeorm';
export class UserSeeder {
  async run(dataSource: DataSource) {
    const users = dataSource.getRepository(User);
    await this.withTransaction(dataSource, async () => {
      await users.delete({});
      await users.save(rows);
    });
  }
}`,
    },
    {
      name: "writes in exclusive branches never run together",
      filename: "src/database/seeds/admin.seeder.ts",
      code: `import { DataSource } from 'typeorm';
export async function seedRole(dataSource: DataSource, existing: boolean) {
  const roles = dataSource.getRepository(Role);
  if (existing) {
    await roles.update({ name: 'admin' }, { permissions });
  } else {
    await roles.save({ name: 'admin', permissions });
  }
}
export async function seedKind(dataSource: DataSource, kind: string) {
  switch (kind) {
    case 'tags':
      await dataSource.getRepository(Tag).delete({});
      break;
    case 'posts':
      await dataSource.getRepository(Post).delete({});
      return;
    default:
      await (existing ? dataSource.getRepository(A).save(a) : dataSource.getRepository(B).save(b));
  }
}`,
    },
    {
      name: "knex: queries attached with transacting(trx)",
      filename: "seeds/02_accounts.js",
      code: `exports.seed = (knex) =>
  knex.transaction((trx) =>
    knex('accounts')
      .transacting(trx)
      .insert({ name: 'a' })
      .then(() => knex('members').transacting(trx).insert({ account: 'a' }))
      .then(trx.commit)
      .catch(trx.rollback),
  );`,
    },
  ],
  invalid: [
    {
      name: "prisma: two writes outside a transaction",
      filename: "prisma/seed.ts",
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
async function main() {
  await prisma.post.deleteMany();
  await prisma.user.createMany({ data: users });
}
main().finally(() => prisma.$disconnect());`,
      output: null,
      errors: [
        {
          messageId: "notAtomic",
          data: {"write":"prisma.post.deleteMany","reason":"one of 2 writes in this file","fix":"`prisma.$transaction(async (tx) => { … })`"},
          line: 4, column: 9, endLine: 4, endColumn: 31,
          suggestions: [],
        },
        {
          messageId: "notAtomic",
          data: {"write":"prisma.user.createMany","reason":"one of 2 writes in this file","fix":"`prisma.$transaction(async (tx) => { … })`"},
          line: 5, column: 9, endLine: 5, endColumn: 31,
          suggestions: [],
        },
      ],
    },
    {
      name: "prisma: one write in a loop, and in Promise.all over a map",
      filename: "prisma/seed.ts",
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function seedUsers() {
  for (const data of users) {
    await prisma.user.create({ data });
  }
}
export async function seedPosts() {
  await Promise.all(posts.map(async (data) => prisma.post.upsert({ where: { id: data.id }, create: data, update: data })));
}`,
      output: null,
      errors: [
        {
          messageId: "notAtomic",
          data: {"write":"prisma.user.create","reason":"it runs in a loop","fix":"`prisma.$transaction(async (tx) => { … })`"},
          line: 5, column: 11, endLine: 5, endColumn: 29,
          suggestions: [],
        },
        {
          messageId: "notAtomic",
          data: {"write":"prisma.post.upsert","reason":"it runs in a loop","fix":"`prisma.$transaction(async (tx) => { … })`"},
          line: 9, column: 47, endLine: 9, endColumn: 65,
          suggestions: [],
        },
      ],
    },
    {
      name: "prisma: the outer client inside the transaction callback, also in a nested callback",
      filename: "prisma/seed.ts",
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
async function main() {
  await prisma.$transaction(async (tx) => {
    await tx.user.deleteMany();
    await prisma.post.deleteMany();
    await Promise.all(users.map(async (data) => {
      await prisma.user.create({ data });
    }));
  });
}
main();`,
      output: null,
      errors: [
        {
          messageId: "outerClient",
          data: {"write":"prisma.post.deleteMany","client":"prisma","handle":"tx"},
          line: 6, column: 11, endLine: 6, endColumn: 33,
          suggestions: [
            { messageId: "useHandle", data: {"handle":"tx"}, output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
async function main() {
  await prisma.$transaction(async (tx) => {
    await tx.user.deleteMany();
    await tx.post.deleteMany();
    await Promise.all(users.map(async (data) => {
      await prisma.user.create({ data });
    }));
  });
}
main();` },
          ],
        },
        {
          messageId: "outerClient",
          data: {"write":"prisma.user.create","client":"prisma","handle":"tx"},
          line: 8, column: 13, endLine: 8, endColumn: 31,
          suggestions: [
            { messageId: "useHandle", data: {"handle":"tx"}, output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
async function main() {
  await prisma.$transaction(async (tx) => {
    await tx.user.deleteMany();
    await prisma.post.deleteMany();
    await Promise.all(users.map(async (data) => {
      await tx.user.create({ data });
    }));
  });
}
main();` },
          ],
        },
      ],
    },
    {
      name: "prisma: renamed import and an alias of the client",
      filename: "prisma/seed.ts",
      code: `import { PrismaClient as Database } from '@prisma/client';
const client = new Database();
const db = client;
async function main() {
  await client.$transaction(async (trx) => {
    await trx.user.create({ data: {} });
    await db.post.create({ data: {} });
  });
  await db.tag.create({ data: {} });
}
main();`,
      output: null,
      errors: [
        {
          messageId: "outerClient",
          data: {"write":"db.post.create","client":"db","handle":"trx"},
          line: 7, column: 11, endLine: 7, endColumn: 25,
          suggestions: [],
        },
        {
          messageId: "notAtomic",
          data: {"write":"db.tag.create","reason":"one of 3 writes in this file","fix":"`db.$transaction(async (tx) => { … })`"},
          line: 9, column: 9, endLine: 9, endColumn: 22,
          suggestions: [],
        },
      ],
    },
    {
      name: "prisma: a local helper called in a loop",
      filename: "prisma/seed.ts",
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
async function createUser(email: string) {
  return prisma.user.create({ data: { email } });
}
async function main() {
  for (const email of emails) await createUser(email);
}
main();`,
      output: null,
      errors: [
        {
          messageId: "notAtomic",
          data: {"write":"prisma.user.create","reason":"it runs in a loop","fix":"`prisma.$transaction(async (tx) => { … })`"},
          line: 4, column: 10, endLine: 4, endColumn: 28,
          suggestions: [],
        },
      ],
    },
    {
      name: "prisma: $executeRaw with text the rule cannot read, and a TRUNCATE",
      filename: "prisma/seed.ts",
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
async function main() {
  await prisma.$executeRaw\`TRUNCATE TABLE "User" CASCADE\`;
  await prisma.$executeRawUnsafe(statement);
}
main();`,
      output: null,
      errors: [
        {
          messageId: "notAtomic",
          data: {"write":"TRUNCATE \"User\"","reason":"one of 2 writes in this file","fix":"`prisma.$transaction(async (tx) => { … })`"},
          line: 4, column: 9, endLine: 4, endColumn: 27,
          suggestions: [],
        },
        {
          messageId: "notAtomic",
          data: {"write":"$executeRaw","reason":"one of 2 writes in this file","fix":"`prisma.$transaction(async (tx) => { … })`"},
          line: 5, column: 9, endLine: 5, endColumn: 33,
          suggestions: [],
        },
      ],
    },
    {
      name: "prisma: two transactions, and one per loop iteration",
      filename: "prisma/seed.ts",
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
async function main() {
  await prisma.$transaction([prisma.user.deleteMany()]);
  await prisma.$transaction(async (tx) => {
    await tx.user.createMany({ data: users });
  });
}
async function perTenant() {
  for (const tenant of tenants) {
    await prisma.$transaction(async (tx) => {
      await tx.user.createMany({ data: tenant.users });
    });
  }
}
main().then(perTenant);`,
      output: null,
      errors: [
        {
          messageId: "separateTransactions",
          data: {"transaction":"prisma.$transaction","reason":"one of 2 transactions in this file"},
          line: 5, column: 9, endLine: 5, endColumn: 28,
          suggestions: [],
        },
        {
          messageId: "separateTransactions",
          data: {"transaction":"prisma.$transaction","reason":"opened once per iteration of a loop"},
          line: 11, column: 11, endLine: 11, endColumn: 30,
          suggestions: [],
        },
      ],
    },
    {
      name: "knex: del then insert, with await and with then()",
      filename: "seeds/01_roles.js",
      code: `exports.seed = async function (knex) {
  await knex('roles').del();
  await knex('roles').insert([{ name: 'admin' }]);
};
exports.other = (knex) =>
  knex('badges')
    .del()
    .then(() => knex('badges').insert([{ name: 'first' }]));`,
      output: null,
      errors: [
        {
          messageId: "notAtomic",
          data: {"write":"knex('roles').del","reason":"one of 2 writes in `seed`","fix":"`knex.transaction(async (trx) => { … })`"},
          line: 2, column: 9, endLine: 2, endColumn: 26,
          suggestions: [],
        },
        {
          messageId: "notAtomic",
          data: {"write":"knex('roles').insert","reason":"one of 2 writes in `seed`","fix":"`knex.transaction(async (trx) => { … })`"},
          line: 3, column: 9, endLine: 3, endColumn: 29,
          suggestions: [],
        },
        {
          messageId: "notAtomic",
          data: {"write":"knex('badges').del","reason":"one of 2 writes in `other`","fix":"`knex.transaction(async (trx) => { … })`"},
          line: 6, column: 3, endLine: 7, endColumn: 9,
          suggestions: [],
        },
        {
          messageId: "notAtomic",
          data: {"write":"knex('badges').insert","reason":"one of 2 writes in `other`","fix":"`knex.transaction(async (trx) => { … })`"},
          line: 8, column: 17, endLine: 8, endColumn: 38,
          suggestions: [],
        },
      ],
    },
    {
      name: "knex: the outer client inside trx, raw TRUNCATE and an upsert in a loop",
      filename: "seeds/02_users.ts",
      code: `import type { Knex } from 'knex';
export async function seed(knex: Knex): Promise<void> {
  await knex.transaction(async (trx) => {
    await knex.raw('TRUNCATE TABLE users RESTART IDENTITY CASCADE');
    for (const user of users) {
      await trx('users').insert(user).onConflict('email').merge();
    }
  });
}`,
      output: null,
      errors: [
        {
          messageId: "outerClient",
          data: {"write":"TRUNCATE users","client":"knex","handle":"trx"},
          line: 4, column: 11, endLine: 4, endColumn: 19,
          suggestions: [
            { messageId: "useHandle", data: {"handle":"trx"}, output: `import type { Knex } from 'knex';
export async function seed(knex: Knex): Promise<void> {
  await knex.transaction(async (trx) => {
    await trx.raw('TRUNCATE TABLE users RESTART IDENTITY CASCADE');
    for (const user of users) {
      await trx('users').insert(user).onConflict('email').merge();
    }
  });
}` },
          ],
        },
      ],
    },
    {
      name: "sequelize-cli: two bulkInserts in up",
      filename: "seeders/20240101-demo.js",
      code: `'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.bulkInsert('Users', users, {});
    await queryInterface.bulkInsert('Posts', posts);
  },
  async down(queryInterface, Sequelize) {
    await queryInterface.bulkDelete('Posts', null, {});
    await queryInterface.bulkDelete('Users', null, {});
  },
};`,
      output: null,
      errors: [
        {
          messageId: "notAtomic",
          data: {"write":"queryInterface.bulkInsert","reason":"one of 2 writes in `up`","fix":"`queryInterface.sequelize.transaction(async (t) => { … })` with `{ transaction: t }` on each write"},
          line: 4, column: 11, endLine: 4, endColumn: 36,
          suggestions: [],
        },
        {
          messageId: "notAtomic",
          data: {"write":"queryInterface.bulkInsert","reason":"one of 2 writes in `up`","fix":"`queryInterface.sequelize.transaction(async (t) => { … })` with `{ transaction: t }` on each write"},
          line: 5, column: 11, endLine: 5, endColumn: 36,
          suggestions: [],
        },
        {
          messageId: "notAtomic",
          data: {"write":"queryInterface.bulkDelete","reason":"one of 2 writes in `down`","fix":"`queryInterface.sequelize.transaction(async (t) => { … })` with `{ transaction: t }` on each write"},
          line: 8, column: 11, endLine: 8, endColumn: 36,
          suggestions: [],
        },
        {
          messageId: "notAtomic",
          data: {"write":"queryInterface.bulkDelete","reason":"one of 2 writes in `down`","fix":"`queryInterface.sequelize.transaction(async (t) => { … })` with `{ transaction: t }` on each write"},
          line: 9, column: 11, endLine: 9, endColumn: 36,
          suggestions: [],
        },
      ],
    },
    {
      name: "sequelize: writes inside the managed transaction without { transaction: t }",
      filename: "seeders/20240101-users.js",
      code: `const { sequelize, User, Post } = require('../models');
module.exports = {
  async up() {
    await sequelize.transaction(async (t) => {
      await User.create({ name: 'a' }, { transaction: t });
      await User.create({ name: 'b' });
      await Post.destroy({ where: {} });
      await Post.update({ title: 'x' }, {});
    });
  },
};`,
      output: null,
      errors: [
        {
          messageId: "missingTransactionOption",
          data: {"write":"User.create","handle":"t"},
          line: 6, column: 13, endLine: 6, endColumn: 24,
          suggestions: [
            { messageId: "passTransaction", data: {"handle":"t"}, output: `const { sequelize, User, Post } = require('../models');
module.exports = {
  async up() {
    await sequelize.transaction(async (t) => {
      await User.create({ name: 'a' }, { transaction: t });
      await User.create({ name: 'b' }, { transaction: t });
      await Post.destroy({ where: {} });
      await Post.update({ title: 'x' }, {});
    });
  },
};` },
          ],
        },
        {
          messageId: "missingTransactionOption",
          data: {"write":"Post.destroy","handle":"t"},
          line: 7, column: 13, endLine: 7, endColumn: 25,
          suggestions: [
            { messageId: "passTransaction", data: {"handle":"t"}, output: `const { sequelize, User, Post } = require('../models');
module.exports = {
  async up() {
    await sequelize.transaction(async (t) => {
      await User.create({ name: 'a' }, { transaction: t });
      await User.create({ name: 'b' });
      await Post.destroy({ transaction: t, where: {} });
      await Post.update({ title: 'x' }, {});
    });
  },
};` },
          ],
        },
        {
          messageId: "missingTransactionOption",
          data: {"write":"Post.update","handle":"t"},
          line: 8, column: 13, endLine: 8, endColumn: 24,
          suggestions: [
            { messageId: "passTransaction", data: {"handle":"t"}, output: `const { sequelize, User, Post } = require('../models');
module.exports = {
  async up() {
    await sequelize.transaction(async (t) => {
      await User.create({ name: 'a' }, { transaction: t });
      await User.create({ name: 'b' });
      await Post.destroy({ where: {} });
      await Post.update({ title: 'x' }, { transaction: t });
    });
  },
};` },
          ],
        },
      ],
    },
    {
      name: "sequelize: bulkCreate on each model, all at once",
      filename: "scripts/seed.js",
      code: `const db = require('../models');
async function seed() {
  await Promise.all(Object.keys(data).map((name) => db[name].bulkCreate(data[name])));
}
seed();`,
      output: null,
      errors: [
        {
          messageId: "notAtomic",
          data: {"write":"db[…].bulkCreate","reason":"it runs in a loop","fix":"`db.sequelize.transaction(async (t) => { … })` with `{ transaction: t }` on each write"},
          line: 3, column: 53, endLine: 3, endColumn: 72,
          suggestions: [],
        },
      ],
    },
    {
      name: "typeorm: the data source inside the transaction, and repositories outside one",
      filename: "src/database/seeds/users.seed.ts",
      code: `import { DataSource } from 'typeorm';
import { User } from '../../entities/user';
export async function seed(dataSource: DataSource) {
  await dataSource.transaction(async (manager) => {
    await manager.save(User, { name: 'a' });
    await dataSource.manager.save(User, { name: 'b' });
    await dataSource.getRepository(User).insert({ name: 'c' });
  });
}
export async function seedAgain(dataSource: DataSource) {
  const users = dataSource.getRepository(User);
  await users.delete({});
  await users.save([{ name: 'a' }]);
}`,
      output: null,
      errors: [
        {
          messageId: "outerClient",
          data: {"write":"dataSource.manager.save","client":"dataSource","handle":"manager"},
          line: 6, column: 11, endLine: 6, endColumn: 34,
          suggestions: [
            { messageId: "useHandle", data: {"handle":"manager"}, output: `import { DataSource } from 'typeorm';
import { User } from '../../entities/user';
export async function seed(dataSource: DataSource) {
  await dataSource.transaction(async (manager) => {
    await manager.save(User, { name: 'a' });
    await manager.save(User, { name: 'b' });
    await dataSource.getRepository(User).insert({ name: 'c' });
  });
}
export async function seedAgain(dataSource: DataSource) {
  const users = dataSource.getRepository(User);
  await users.delete({});
  await users.save([{ name: 'a' }]);
}` },
          ],
        },
        {
          messageId: "outerClient",
          data: {"write":"dataSource.getRepository(User).insert","client":"dataSource","handle":"manager"},
          line: 7, column: 11, endLine: 7, endColumn: 48,
          suggestions: [
            { messageId: "useHandle", data: {"handle":"manager"}, output: `import { DataSource } from 'typeorm';
import { User } from '../../entities/user';
export async function seed(dataSource: DataSource) {
  await dataSource.transaction(async (manager) => {
    await manager.save(User, { name: 'a' });
    await dataSource.manager.save(User, { name: 'b' });
    await manager.getRepository(User).insert({ name: 'c' });
  });
}
export async function seedAgain(dataSource: DataSource) {
  const users = dataSource.getRepository(User);
  await users.delete({});
  await users.save([{ name: 'a' }]);
}` },
          ],
        },
        {
          messageId: "notAtomic",
          data: {"write":"users.delete","reason":"one of 2 writes in `seedAgain`","fix":"`dataSource.transaction(async (manager) => { … })`"},
          line: 12, column: 9, endLine: 12, endColumn: 21,
          suggestions: [],
        },
        {
          messageId: "notAtomic",
          data: {"write":"users.save","reason":"one of 2 writes in `seedAgain`","fix":"`dataSource.transaction(async (manager) => { … })`"},
          line: 13, column: 9, endLine: 13, endColumn: 19,
          suggestions: [],
        },
      ],
    },
    {
      name: "drizzle: the outer db inside tx, and writes outside",
      filename: "src/db/seed.ts",
      code: `import { drizzle } from 'drizzle-orm/node-postgres';
import { users, posts } from './schema';
const db = drizzle(process.env.DATABASE_URL!);
export async function seed() {
  await db.transaction(async (tx) => {
    await tx.insert(users).values({ name: 'a' });
    await db.insert(posts).values({ title: 'b' });
  });
}
export async function reset() {
  await db.delete(posts);
  await db.delete(users);
}`,
      output: null,
      errors: [
        {
          messageId: "outerClient",
          data: {"write":"db.insert","client":"db","handle":"tx"},
          line: 7, column: 11, endLine: 7, endColumn: 20,
          suggestions: [
            { messageId: "useHandle", data: {"handle":"tx"}, output: `import { drizzle } from 'drizzle-orm/node-postgres';
import { users, posts } from './schema';
const db = drizzle(process.env.DATABASE_URL!);
export async function seed() {
  await db.transaction(async (tx) => {
    await tx.insert(users).values({ name: 'a' });
    await tx.insert(posts).values({ title: 'b' });
  });
}
export async function reset() {
  await db.delete(posts);
  await db.delete(users);
}` },
          ],
        },
        {
          messageId: "notAtomic",
          data: {"write":"db.delete","reason":"one of 2 writes in `reset`","fix":"`db.transaction(async (tx) => { … })`"},
          line: 11, column: 9, endLine: 11, endColumn: 18,
          suggestions: [],
        },
        {
          messageId: "notAtomic",
          data: {"write":"db.delete","reason":"one of 2 writes in `reset`","fix":"`db.transaction(async (tx) => { … })`"},
          line: 12, column: 9, endLine: 12, endColumn: 18,
          suggestions: [],
        },
      ],
    },
    {
      name: "kysely: the outer db inside trx",
      filename: "src/db/seed.ts",
      code: `import { Kysely } from 'kysely';
declare const db: Kysely<Database>;
export async function seed() {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('person').values({ name: 'a' }).execute();
    await db.insertInto('pet').values({ name: 'b' }).execute();
  });
}`,
      output: null,
      errors: [
        {
          messageId: "outerClient",
          data: {"write":"db.insertInto","client":"db","handle":"trx"},
          line: 6, column: 11, endLine: 6, endColumn: 24,
          suggestions: [
            { messageId: "useHandle", data: {"handle":"trx"}, output: `import { Kysely } from 'kysely';
declare const db: Kysely<Database>;
export async function seed() {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('person').values({ name: 'a' }).execute();
    await trx.insertInto('pet').values({ name: 'b' }).execute();
  });
}` },
          ],
        },
      ],
    },
    {
      name: "pg: no BEGIN, and a write after COMMIT",
      filename: "scripts/seed-users.ts",
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function seed() {
  for (const user of users) {
    await pool.query('INSERT INTO users (email) VALUES ($1)', [user.email]);
  }
}
export async function seedAudit() {
  const client = await pool.connect();
  await client.query('BEGIN');
  await client.query('DELETE FROM audit');
  await client.query('COMMIT');
  await client.query(\`INSERT INTO audit (event) VALUES ('seeded')\`);
  client.release();
}`,
      output: null,
      errors: [
        {
          messageId: "notAtomic",
          data: {"write":"INSERT INTO users","reason":"it runs in a loop","fix":"`BEGIN` … `COMMIT` on one connection"},
          line: 5, column: 11, endLine: 5, endColumn: 21,
          suggestions: [],
        },
        {
          messageId: "notAtomic",
          data: {"write":"INSERT INTO audit","reason":"one of 2 writes in `seedAudit`","fix":"`BEGIN` … `COMMIT` on one connection"},
          line: 13, column: 9, endLine: 13, endColumn: 21,
          suggestions: [],
        },
      ],
    },
    {
      name: "postgres.js: two writes outside sql.begin",
      filename: "scripts/seed_users.mjs",
      code: `import postgres from 'postgres';
const sql = postgres();
await sql\`DELETE FROM users\`;
await sql\`INSERT INTO users \${sql(rows)}\`;`,
      output: null,
      errors: [
        {
          messageId: "notAtomic",
          data: {"write":"DELETE FROM users","reason":"one of 2 writes in this file","fix":"`sql.begin(async (sql) => { … })`"},
          line: 3, column: 7, endLine: 3, endColumn: 10,
          suggestions: [],
        },
        {
          messageId: "notAtomic",
          data: {"write":"INSERT INTO users","reason":"one of 2 writes in this file","fix":"`sql.begin(async (sql) => { … })`"},
          line: 4, column: 7, endLine: 4, endColumn: 10,
          suggestions: [],
        },
      ],
    },
    {
      name: "class-based seeder: methods called through this",
      filename: "src/seeders/user.seeder.ts",
      code: `import { PrismaService } from '../prisma.service';
export class UserSeeder {
  constructor(private readonly prisma: PrismaService) {}
  async run() {
    await this.clear();
    await this.insert();
  }
  private async clear() {
    await this.prisma.user.deleteMany();
  }
  private async insert() {
    await this.prisma.user.createMany({ data: users });
  }
}`,
      output: null,
      errors: [
        {
          messageId: "notAtomic",
          data: {"write":"this.prisma.user.deleteMany","reason":"one of 2 writes in `run`","fix":"`this.prisma.$transaction(async (tx) => { … })`"},
          line: 9, column: 11, endLine: 9, endColumn: 38,
          suggestions: [],
        },
        {
          messageId: "notAtomic",
          data: {"write":"this.prisma.user.createMany","reason":"one of 2 writes in `run`","fix":"`this.prisma.$transaction(async (tx) => { … })`"},
          line: 12, column: 11, endLine: 12, endColumn: 38,
          suggestions: [],
        },
      ],
    },
    {
      name: "exclusive branches, but a fall-through and a write after the if",
      filename: "src/database/seeds/admin.seeder.ts",
      code: `import { DataSource } from 'typeorm';
export async function seed(dataSource: DataSource, existing: boolean, kind: string) {
  const roles = dataSource.getRepository(Role);
  switch (kind) {
    case 'tags':
      await dataSource.getRepository(Tag).delete({});
    case 'posts':
      await dataSource.getRepository(Post).delete({});
  }
  if (existing) await roles.update({ name: 'admin' }, { permissions });
  else await roles.save({ name: 'admin', permissions });
}`,
      output: null,
      errors: [
        {
          messageId: "notAtomic",
          data: {"write":"dataSource.getRepository(Tag).delete","reason":"one of 4 writes in `seed`","fix":"`dataSource.transaction(async (manager) => { … })`"},
          line: 6, column: 13, endLine: 6, endColumn: 49,
          suggestions: [],
        },
        {
          messageId: "notAtomic",
          data: {"write":"dataSource.getRepository(Post).delete","reason":"one of 4 writes in `seed`","fix":"`dataSource.transaction(async (manager) => { … })`"},
          line: 8, column: 13, endLine: 8, endColumn: 50,
          suggestions: [],
        },
        {
          messageId: "notAtomic",
          data: {"write":"roles.update","reason":"one of 4 writes in `seed`","fix":"`dataSource.transaction(async (manager) => { … })`"},
          line: 10, column: 23, endLine: 10, endColumn: 35,
          suggestions: [],
        },
        {
          messageId: "notAtomic",
          data: {"write":"roles.save","reason":"one of 4 writes in `seed`","fix":"`dataSource.transaction(async (manager) => { … })`"},
          line: 11, column: 14, endLine: 11, endColumn: 24,
          suggestions: [],
        },
      ],
    },
    {
      name: "the seeds option overrides the defaults",
      filename: "fixtures/load.ts",
      options: [{"seeds":["fixtures/**"]}],
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
await prisma.user.create({ data: {} });
await prisma.post.create({ data: {} });`,
      output: null,
      errors: [
        {
          messageId: "notAtomic",
          data: {"write":"prisma.user.create","reason":"one of 2 writes in this file","fix":"`prisma.$transaction(async (tx) => { … })`"},
          line: 3, column: 7, endLine: 3, endColumn: 25,
          suggestions: [],
        },
        {
          messageId: "notAtomic",
          data: {"write":"prisma.post.create","reason":"one of 2 writes in this file","fix":"`prisma.$transaction(async (tx) => { … })`"},
          line: 4, column: 7, endLine: 4, endColumn: 25,
          suggestions: [],
        },
      ],
    },
  ],
});
