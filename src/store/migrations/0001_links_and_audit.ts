import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('links')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('pair_name', 'text', (column) => column.notNull())
    .addColumn('defender_tenant_id', 'text', (column) => column.notNull())
    .addColumn('defender_incident_id', 'text', (column) => column.notNull())
    .addColumn('sentinel_incident_key', 'text', (column) => column.notNull().unique())
    .addColumn('sentinel_incident_arm_id', 'text', (column) => column.notNull())
    .addColumn('sentinel_incident_number', 'integer')
    .addColumn('state', 'text', (column) => column.notNull())
    .addColumn('linked_by', 'text', (column) => column.notNull())
    .addColumn('redirected_to_link_id', 'text')
    .addColumn('defender_snapshot', 'text')
    .addColumn('sentinel_snapshot', 'text')
    .addColumn('determination_memory', 'text', (column) => column.notNull().defaultTo('{}'))
    .addColumn('last_synced_at', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('revision', 'integer', (column) => column.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createIndex('links_by_defender')
    .on('links')
    .columns(['defender_tenant_id', 'defender_incident_id'])
    .execute();
  await db.schema
    .createIndex('links_by_sentinel_number')
    .on('links')
    .column('sentinel_incident_number')
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('link_id', 'text')
    .addColumn('pair_name', 'text', (column) => column.notNull())
    .addColumn('at', 'text', (column) => column.notNull())
    .addColumn('trigger', 'text', (column) => column.notNull())
    .addColumn('outcome', 'text', (column) => column.notNull())
    .addColumn('entry', 'text', (column) => column.notNull())
    .execute();

  await db.schema.createIndex('audit_by_link').on('audit_log').columns(['link_id', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_log').execute();
  await db.schema.dropTable('links').execute();
}
