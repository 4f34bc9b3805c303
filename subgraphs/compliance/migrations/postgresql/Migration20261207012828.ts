import { Migration } from '@mikro-orm/migrations';

export class Migration20261207012828 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "compliance_reported_device" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "device_id" uuid not null, "sequence" int not null default 0, "event_id" varchar(36) null, "reported_at" timestamptz null, constraint "compliance_reported_device_pkey" primary key ("id"));`);
    this.addSql(`create index "compliance_reported_device_account_id_index" on "compliance_reported_device" ("account_id");`);
    this.addSql(`alter table "compliance_reported_device" add constraint "compliance_reported_device_account_id_device_id_unique" unique ("account_id", "device_id");`);

    this.addSql(`alter table "compliance_license_tracking" add column "source" varchar(20) not null default 'MANUAL', add column "reporting_device_id" uuid null, add column "reported_at" timestamptz null;`);
    this.addSql(`create index "compliance_license_tracking_reporting_device_id_index" on "compliance_license_tracking" ("reporting_device_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "compliance_reported_device" cascade;`);

    this.addSql(`drop index "compliance_license_tracking_reporting_device_id_index";`);
    this.addSql(`alter table "compliance_license_tracking" drop column "source", drop column "reporting_device_id", drop column "reported_at";`);
  }

}
