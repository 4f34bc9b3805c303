import { Migration } from '@mikro-orm/migrations';

export class Migration20261123191226 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`devices_call_home_installation\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`device_id\` text not null, \`username\` text not null, \`password_sealed\` text not null, \`license_server_url\` text not null, \`pak_id\` text not null, \`send_to_email_id\` text not null, \`status\` text not null default 'REQUESTED', \`requested_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`devices_call_home_installation_account_id_index\` on \`devices_call_home_installation\` (\`account_id\`);`);
    this.addSql(`create index \`devices_call_home_installation_device_id_index\` on \`devices_call_home_installation\` (\`device_id\`);`);
  }

}
