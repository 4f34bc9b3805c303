import { Migration } from '@mikro-orm/migrations';

export class Migration20261123191258 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`entitlements_license_lease\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`session_id\` text not null, \`license_id\` text not null, \`user_id\` text not null, \`mode\` text not null, \`valid_from\` datetime not null, \`valid_until\` datetime null, \`refresh_after\` datetime null, \`released_at\` datetime null, \`held_until\` datetime null, \`time_charges\` json not null, primary key (\`id\`));`);
    this.addSql(`create index \`entitlements_license_lease_account_id_index\` on \`entitlements_license_lease\` (\`account_id\`);`);
    this.addSql(`create index \`entitlements_license_lease_session_id_index\` on \`entitlements_license_lease\` (\`session_id\`);`);
    this.addSql(`create index \`entitlements_license_lease_license_id_index\` on \`entitlements_license_lease\` (\`license_id\`);`);

    this.addSql(`create table \`entitlements_license_session\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`license_id\` text not null, \`user_id\` text not null, \`identity\` text not null, \`resource_key\` text not null, \`anchors\` json not null, \`seat_count_credit_id\` text null, \`use_count_credit_id\` text null, \`valid_until\` datetime null, \`seat_held_until\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`entitlements_license_session_account_id_index\` on \`entitlements_license_session\` (\`account_id\`);`);
    this.addSql(`create index \`entitlements_license_session_identity_index\` on \`entitlements_license_session\` (\`identity\`);`);
    this.addSql(`create index \`entitlements_license_session_seat_count_credit_id_index\` on \`entitlements_license_session\` (\`seat_count_credit_id\`);`);
    this.addSql(`create index \`entitlements_license_session_account_id_license_id_seat_held_until_index\` on \`entitlements_license_session\` (\`account_id\`, \`license_id\`, \`seat_held_until\`);`);

    this.addSql(`alter table \`entitlements_seat_count_credit\` drop column \`seats_consumed\`;`);
  }

}
