import { Migration } from '@mikro-orm/migrations';

export class Migration20261123191226 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "devices_call_home_installation" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "device_id" uuid not null, "username" varchar(255) not null, "password_sealed" text not null, "license_server_url" varchar(2048) not null, "pak_id" varchar(64) not null, "send_to_email_id" varchar(254) not null, "status" varchar(20) not null default 'REQUESTED', "requested_at" timestamptz not null, constraint "devices_call_home_installation_pkey" primary key ("id"));`);
    this.addSql(`create index "devices_call_home_installation_account_id_index" on "devices_call_home_installation" ("account_id");`);
    this.addSql(`create index "devices_call_home_installation_device_id_index" on "devices_call_home_installation" ("device_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "devices_call_home_installation" cascade;`);
  }

}
