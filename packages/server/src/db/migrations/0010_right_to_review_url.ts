import type { Knex } from 'knex';

// The force's own page on the Victims' Right to Review (ForceSettings.rightToReviewUrl); null
// shows victims the national Victims' Code page.
export async function up(db: Knex): Promise<void> {
  await db.raw('alter table forces add column right_to_review_url text');
}

export async function down(db: Knex): Promise<void> {
  await db.raw('alter table forces drop column right_to_review_url');
}
