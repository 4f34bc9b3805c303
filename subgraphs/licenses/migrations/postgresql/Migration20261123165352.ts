import { Migration } from '@mikro-orm/migrations';

export class Migration20261123165352 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "licenses_user" add column "reseller_id" uuid null, add column "two_factor_enabled" boolean not null default false, add column "google_sso_enabled" boolean not null default false, add column "last_login_at" timestamptz null, add column "last_seen_at" timestamptz null, add column "email_metrics" boolean not null default false, add column "metadata" jsonb not null default '{}';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "licenses_user" drop column "reseller_id", drop column "two_factor_enabled", drop column "google_sso_enabled", drop column "last_login_at", drop column "last_seen_at", drop column "email_metrics", drop column "metadata";`);
  }

}
