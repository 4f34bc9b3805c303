import { Migration } from '@mikro-orm/migrations';

export class Migration20261123193935 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "entitlements_license_assignment" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "license_id" uuid not null, "user_id" varchar(255) not null, "type" varchar(20) not null, "valid_from" timestamptz not null, "valid_until" timestamptz null, "used_at" timestamptz null, constraint "entitlements_license_assignment_pkey" primary key ("id"));`);
    this.addSql(`create index "entitlements_license_assignment_account_id_index" on "entitlements_license_assignment" ("account_id");`);
    this.addSql(`create index "entitlements_license_assignment_account_id_license_12265_index" on "entitlements_license_assignment" ("account_id", "license_id", "user_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "entitlements_license_assignment" cascade;`);
  }

}
