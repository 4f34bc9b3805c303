import { Migration } from '@mikro-orm/migrations';

export class Migration20261206142905 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "devices_account_signing_key" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "public_key" text not null, constraint "devices_account_signing_key_pkey" primary key ("id"));`);
    this.addSql(`alter table "devices_account_signing_key" add constraint "devices_account_signing_key_account_id_unique" unique ("account_id");`);

    this.addSql(`create table "devices_license_installation" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "device_id" uuid not null, "scheme" varchar(20) not null, "license_location" varchar(2048) null, "license_id" uuid null, "status" varchar(20) not null default 'REQUESTED', "requested_at" timestamptz not null, "installed_at" timestamptz null, constraint "devices_license_installation_pkey" primary key ("id"));`);
    this.addSql(`create index "devices_license_installation_account_id_index" on "devices_license_installation" ("account_id");`);
    this.addSql(`create index "devices_license_installation_device_id_index" on "devices_license_installation" ("device_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "devices_account_signing_key" cascade;`);

    this.addSql(`drop table if exists "devices_license_installation" cascade;`);
  }

}
