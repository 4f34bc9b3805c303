import { Migration } from '@mikro-orm/migrations';

export class Migration20261207012823 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "devices_call_home_profile" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "device_id" uuid not null, "name" varchar(64) not null, "active" boolean not null default true, "anonymous_reporting_only" boolean not null default false, "destination_transport_email" boolean not null default false, "destination_transport_http" boolean not null default false, "destination_address" jsonb not null, "subscribe_group_all" jsonb null, "subscribe_group_syslog" jsonb null, "subscribe_group_configuration" jsonb null, "subscribe_group_inventory" jsonb null, "subscribe_group_snapshot" jsonb null, constraint "devices_call_home_profile_pkey" primary key ("id"));`);
    this.addSql(`create index "devices_call_home_profile_account_id_index" on "devices_call_home_profile" ("account_id");`);
    this.addSql(`create index "devices_call_home_profile_device_id_index" on "devices_call_home_profile" ("device_id");`);
    this.addSql(`alter table "devices_call_home_profile" add constraint "devices_call_home_profile_account_id_device_id_name_unique" unique ("account_id", "device_id", "name");`);

    this.addSql(`alter table "devices_device" add column "last_call_home_at" timestamptz null, add column "call_home_report_count" int not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "devices_call_home_profile" cascade;`);

    this.addSql(`alter table "devices_device" drop column "last_call_home_at", drop column "call_home_report_count";`);
  }

}
