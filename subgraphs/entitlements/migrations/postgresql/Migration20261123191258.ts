import { Migration } from '@mikro-orm/migrations';

export class Migration20261123191258 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "entitlements_license_lease" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "session_id" uuid not null, "license_id" uuid not null, "user_id" varchar(255) not null, "mode" varchar(20) not null, "valid_from" timestamptz not null, "valid_until" timestamptz null, "refresh_after" timestamptz null, "released_at" timestamptz null, "held_until" timestamptz null, "time_charges" jsonb not null, constraint "entitlements_license_lease_pkey" primary key ("id"));`);
    this.addSql(`create index "entitlements_license_lease_account_id_index" on "entitlements_license_lease" ("account_id");`);
    this.addSql(`create index "entitlements_license_lease_session_id_index" on "entitlements_license_lease" ("session_id");`);
    this.addSql(`create index "entitlements_license_lease_license_id_index" on "entitlements_license_lease" ("license_id");`);

    this.addSql(`create table "entitlements_license_session" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "license_id" uuid not null, "user_id" varchar(255) not null, "identity" varchar(64) not null, "resource_key" varchar(64) not null, "anchors" jsonb not null, "seat_count_credit_id" uuid null, "use_count_credit_id" uuid null, "valid_until" timestamptz null, "seat_held_until" timestamptz null, constraint "entitlements_license_session_pkey" primary key ("id"));`);
    this.addSql(`create index "entitlements_license_session_account_id_index" on "entitlements_license_session" ("account_id");`);
    this.addSql(`create index "entitlements_license_session_identity_index" on "entitlements_license_session" ("identity");`);
    this.addSql(`create index "entitlements_license_session_seat_count_credit_id_index" on "entitlements_license_session" ("seat_count_credit_id");`);
    this.addSql(`create index "entitlements_license_session_account_id_license_id_5d97c_index" on "entitlements_license_session" ("account_id", "license_id", "seat_held_until");`);

    this.addSql(`alter table "entitlements_seat_count_credit" drop column "seats_consumed";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "entitlements_license_lease" cascade;`);

    this.addSql(`drop table if exists "entitlements_license_session" cascade;`);

    this.addSql(`alter table "entitlements_seat_count_credit" add column "seats_consumed" int4 not null default 0;`);
  }

}
