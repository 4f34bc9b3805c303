import { Migration } from '@mikro-orm/migrations';

export class Migration20261206142555 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "entitlements_consuming_group" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "entitlement_id" uuid not null, "group_id" uuid not null, constraint "entitlements_consuming_group_pkey" primary key ("id"));`);
    this.addSql(`create index "entitlements_consuming_group_account_id_index" on "entitlements_consuming_group" ("account_id");`);
    this.addSql(`create index "entitlements_consuming_group_entitlement_id_index" on "entitlements_consuming_group" ("entitlement_id");`);
    this.addSql(`create index "entitlements_consuming_group_group_id_index" on "entitlements_consuming_group" ("group_id");`);
    this.addSql(`alter table "entitlements_consuming_group" add constraint "entitlements_consuming_group_account_id_entitleme_49b26_unique" unique ("account_id", "entitlement_id", "group_id");`);

    this.addSql(`create table "entitlements_organization_group" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organization_id" uuid not null, "name" varchar(255) not null, "type" varchar(255) null, "description" text null, constraint "entitlements_organization_group_pkey" primary key ("id"));`);
    this.addSql(`create index "entitlements_organization_group_account_id_index" on "entitlements_organization_group" ("account_id");`);
    this.addSql(`create index "entitlements_organization_group_organization_id_index" on "entitlements_organization_group" ("organization_id");`);

    this.addSql(`create table "entitlements_organization_group_member" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "group_id" uuid not null, "user_id" varchar(255) not null, constraint "entitlements_organization_group_member_pkey" primary key ("id"));`);
    this.addSql(`create index "entitlements_organization_group_member_account_id_index" on "entitlements_organization_group_member" ("account_id");`);
    this.addSql(`create index "entitlements_organization_group_member_group_id_index" on "entitlements_organization_group_member" ("group_id");`);
    this.addSql(`create index "entitlements_organization_group_member_account_id_user_id_index" on "entitlements_organization_group_member" ("account_id", "user_id");`);
    this.addSql(`alter table "entitlements_organization_group_member" add constraint "entitlements_organization_group_member_account_id_fcfb9_unique" unique ("account_id", "group_id", "user_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "entitlements_consuming_group" cascade;`);

    this.addSql(`drop table if exists "entitlements_organization_group" cascade;`);

    this.addSql(`drop table if exists "entitlements_organization_group_member" cascade;`);
  }

}
