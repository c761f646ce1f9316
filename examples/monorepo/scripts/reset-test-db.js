// Test helper: wipes data between integration test runs.
const knex = require('knex')({ client: 'pg', connection: process.env.TEST_DATABASE_URL });

async function resetTestDb() {
  await knex.raw('TRUNCATE TABLE orders, users RESTART IDENTITY CASCADE');
  await knex.schema.dropTableIfExists('tmp_import');
}

module.exports = { resetTestDb };
