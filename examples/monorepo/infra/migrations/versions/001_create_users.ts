import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('users', (table) => {
    table.bigIncrements('id');
    table.text('email').notNullable().unique();
    table.text('name');
    table.timestamps(true, true);
  });
  await knex.raw('CREATE INDEX users_name_idx ON users (name)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('users');
}
