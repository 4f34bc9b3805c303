import { Migration } from '@mikro-orm/migrations';

export class Migration20261206142554 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`entitlements_consuming_group\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`entitlement_id\` text not null, \`group_id\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`entitlements_consuming_group_account_id_index\` on \`entitlements_consuming_group\` (\`account_id\`);`);
    this.addSql(`create index \`entitlements_consuming_group_entitlement_id_index\` on \`entitlements_consuming_group\` (\`entitlement_id\`);`);
    this.addSql(`create index \`entitlements_consuming_group_group_id_index\` on \`entitlements_consuming_group\` (\`group_id\`);`);
    this.addSql(`create unique index \`entitlements_consuming_group_account_id_entitlement_id_group_id_unique\` on \`entitlements_consuming_group\` (\`account_id\`, \`entitlement_id\`, \`group_id\`);`);

    this.addSql(`create table \`entitlements_organization_group\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`organization_id\` text not null, \`name\` text not null, \`type\` text null, \`description\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`entitlements_organization_group_account_id_index\` on \`entitlements_organization_group\` (\`account_id\`);`);
    this.addSql(`create index \`entitlements_organization_group_organization_id_index\` on \`entitlements_organization_group\` (\`organization_id\`);`);

    this.addSql(`create table \`entitlements_organization_group_member\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`group_id\` text not null, \`user_id\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`entitlements_organization_group_member_account_id_index\` on \`entitlements_organization_group_member\` (\`account_id\`);`);
    this.addSql(`create index \`entitlements_organization_group_member_group_id_index\` on \`entitlements_organization_group_member\` (\`group_id\`);`);
    this.addSql(`create index \`entitlements_organization_group_member_account_id_user_id_index\` on \`entitlements_organization_group_member\` (\`account_id\`, \`user_id\`);`);
    this.addSql(`create unique index \`entitlements_organization_group_member_account_id_group_id_user_id_unique\` on \`entitlements_organization_group_member\` (\`account_id\`, \`group_id\`, \`user_id\`);`);
  }

}
