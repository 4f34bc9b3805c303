import { Migration } from '@mikro-orm/migrations';

export class Migration20261123193934 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`entitlements_license_assignment\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`license_id\` text not null, \`user_id\` text not null, \`type\` text not null, \`valid_from\` datetime not null, \`valid_until\` datetime null, \`used_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`entitlements_license_assignment_account_id_index\` on \`entitlements_license_assignment\` (\`account_id\`);`);
    this.addSql(`create index \`entitlements_license_assignment_account_id_license_id_user_id_index\` on \`entitlements_license_assignment\` (\`account_id\`, \`license_id\`, \`user_id\`);`);
  }

}
